// Schema of config/provinces/overlays/<id>.yaml: what a person knows and the admin tables do
// not (landmarks, the seat, spellings seen in the press, a homonym the lists cannot show).
// The generator merges it; every judgement that changes a computed fact carries its reason,
// which the generated profile repeats as a comment.
import { z } from 'zod';
import { PlaceKind } from '../config/province.ts';

const Name = z.string().trim().min(1);

export const OverlayPlace = z
  .strictObject({
    /** A generated place (matched by folded name) to amend, or a new place (give `kind`). */
    name: Name,
    kind: PlaceKind.optional(),
    variants: z.array(Name).default([]),
    ambiguous: z.boolean().optional(),
    partOf: Name.optional(),
    /** Leave the generated place out of the profile. */
    drop: z.literal(true).optional(),
    reason: Name.optional(),
  })
  .refine((p) => p.reason !== undefined || (p.ambiguous === undefined && p.drop === undefined), {
    message: 'an ambiguity override or a drop needs a reason',
    path: ['reason'],
  });
export type OverlayPlace = z.infer<typeof OverlayPlace>;

export const Overlay = z.strictObject({
  /** The seat: a pre-2025 city of the profile, reported with kind capital. */
  capital: Name.optional(),
  variants: z.array(Name).default([]),
  formerProvinces: z
    .array(z.strictObject({ name: Name, variants: z.array(Name).default([]) }))
    .default([]),
  places: z.array(OverlayPlace).default([]),
});
export type Overlay = z.infer<typeof Overlay>;
export type OverlayInput = z.input<typeof Overlay>;

export const EMPTY_OVERLAY: Overlay = Overlay.parse({});
