// The model every renderer reads. Models are stored with their digest and rendered again later
// (show, send, the archive); a digest stored before the follow-up section and the per-day
// series existed lacks them, so those fields are read as optional here.
import type { DigestModel, SeriesPoint } from '../digest/model.ts';
import type { FollowUpSection } from '../digest/follow-up.ts';

export type RenderModel = Omit<DigestModel, 'header'> & {
  header: Omit<DigestModel['header'], 'dateText'> & { dateText?: string };
  followUp?: FollowUpSection;
  overview: {
    series?: SeriesPoint[] | null;
    seriesTitle?: string | null;
    seriesText?: string | null;
    seriesChartSvg?: string | null;
  };
};

export interface OverviewSeries {
  title: string;
  text: string | null;
  points: SeriesPoint[];
}

/** The per-day (or per-month) series when the model carries one with at least one point. */
export function seriesOf(model: RenderModel): OverviewSeries | null {
  const points = model.overview.series ?? null;
  const title = model.overview.seriesTitle ?? null;
  if (points === null || points.length === 0 || title === null) return null;
  return { title, text: model.overview.seriesText ?? null, points };
}

/** The follow-up section when the model has one (daily bulletins built before it existed do not). */
export function followUpOf(model: RenderModel): FollowUpSection | null {
  return model.followUp ?? null;
}
