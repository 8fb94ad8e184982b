// Bulletin templates: one layout, partials and one view per bulletin kind, all read and
// checked at start-up (STYLE.md §11), so a missing or misspelt file stops the program before
// the 06:00 run rather than during it.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import type { DigestModel } from './model.ts';

export const DEFAULT_TEMPLATE_DIR = fileURLToPath(
  new URL('../../digest-templates/', import.meta.url),
);

export const LAYOUT_FILE = 'layouts/bulletin.hbs';
export const REQUIRED_PARTIALS = [
  'header',
  'overview',
  'item',
  'section',
  'attention',
  'by-topic',
  'follow-up',
  'trend',
  'proposals',
  'signature',
] as const;
export const VIEWS = {
  daily: 'views/daily.hbs',
  weekly: 'views/weekly.hbs',
  monthly: 'views/monthly.hbs',
  custom: 'views/custom.hbs',
} as const satisfies Record<DigestModel['kind'], string>;

/** The layout includes the view through this partial name, supplied at render time. */
const CONTENT_PARTIAL = 'content';
// Templates render; they do not compute. Only the built-in block helpers are allowed.
const ALLOWED_BLOCKS = new Set(['if', 'unless', 'each', 'with']);
// The only unescaped output: SVG the digest builder generates with every text XML-escaped.
const RAW_ALLOWED = /(^|\.)[A-Za-z]*Svg$/;

export interface DigestTemplates {
  dir: string;
  render(model: DigestModel): string;
}

type Compiled = HandlebarsTemplateDelegate<unknown>;

export function loadTemplates(dir: string): DigestTemplates {
  const env = Handlebars.create();
  const sources = new Map<string, string>();
  const read = (rel: string): string => {
    const path = join(dir, rel);
    if (!existsSync(path)) throw new Error(`digest: missing template ${path}`);
    try {
      const src = readFileSync(path, 'utf8');
      sources.set(rel, src);
      return src;
    } catch (cause) {
      throw new Error(`digest: cannot read template ${path}`, { cause });
    }
  };

  const layoutSrc = read(LAYOUT_FILE);
  const viewSrcs = (Object.keys(VIEWS) as DigestModel['kind'][]).map(
    (kind) => [kind, read(VIEWS[kind])] as const,
  );
  for (const name of REQUIRED_PARTIALS) read(`partials/${name}.hbs`);
  // Optional extra partials (a deployment may add its own) are loaded too.
  const partialDir = join(dir, 'partials');
  for (const f of readdirSync(partialDir)
    .filter((f) => f.endsWith('.hbs'))
    .sort()) {
    if (!sources.has(`partials/${f}`)) read(`partials/${f}`);
  }

  const partialNames = new Set(
    [...sources.keys()]
      .filter((k) => k.startsWith('partials/'))
      .map((k) => k.slice('partials/'.length, -'.hbs'.length)),
  );
  const compile = (rel: string, src: string): Compiled => {
    checkTemplate(env, rel, src, dir, partialNames, rel === LAYOUT_FILE);
    // strict: a model field a template names but the model lacks is an error, not a blank.
    return env.compile(src, { strict: true, noEscape: false });
  };
  for (const name of partialNames) {
    const rel = `partials/${name}.hbs`;
    env.registerPartial(name, compile(rel, sources.get(rel) ?? ''));
  }
  const layout = compile(LAYOUT_FILE, layoutSrc);
  const views = new Map<string, Compiled>(
    viewSrcs.map(([kind, src]) => [kind, compile(VIEWS[kind], src)]),
  );

  return {
    dir,
    render(model: DigestModel): string {
      const view = views.get(model.kind);
      if (!view) throw new Error(`digest: no view for bulletin kind "${model.kind}"`);
      try {
        return layout(model, { partials: { [CONTENT_PARTIAL]: view } });
      } catch (cause) {
        throw new Error(`digest: rendering the ${model.kind} bulletin failed`, { cause });
      }
    },
  };
}

export function renderDigestHtml(model: DigestModel, templates: DigestTemplates): string {
  return templates.render(model);
}

/** Parses a template and rejects unknown partials, helpers and unescaped output, naming the file. */
function checkTemplate(
  env: typeof Handlebars,
  rel: string,
  src: string,
  dir: string,
  partials: ReadonlySet<string>,
  isLayout: boolean,
): void {
  const path = join(dir, rel);
  let ast: hbs.AST.Program;
  try {
    ast = env.parse(src, { srcName: path });
  } catch (cause) {
    throw new Error(`digest: template ${path} does not parse`, { cause });
  }
  const problems: string[] = [];
  let includesContent = false;
  class Checker extends Handlebars.Visitor {
    override PartialStatement(node: hbs.AST.PartialStatement): void {
      this.checkPartial(node.name);
      super.PartialStatement(node);
    }
    override PartialBlockStatement(node: hbs.AST.PartialBlockStatement): void {
      this.checkPartial(node.name);
      super.PartialBlockStatement(node);
    }
    override BlockStatement(node: hbs.AST.BlockStatement): void {
      if (!ALLOWED_BLOCKS.has(node.path.original))
        problems.push(`block helper "${node.path.original}" is not allowed`);
      super.BlockStatement(node);
    }
    override MustacheStatement(node: hbs.AST.MustacheStatement): void {
      const name =
        node.path.type === 'PathExpression'
          ? (node.path as hbs.AST.PathExpression).original
          : 'literal';
      if (node.params.length > 0 || (node.hash?.pairs.length ?? 0) > 0) {
        problems.push(`helper call "${name}" is not allowed (templates only render the model)`);
      }
      if (!node.escaped && !RAW_ALLOWED.test(name)) {
        problems.push(
          `unescaped output "{{{${name}}}}" is not allowed (only generated *Svg fields)`,
        );
      }
      super.MustacheStatement(node);
    }
    private checkPartial(name: hbs.AST.PathExpression | hbs.AST.SubExpression): void {
      if (name.type !== 'PathExpression') {
        problems.push('dynamic partial names are not allowed');
        return;
      }
      if (isLayout && name.original === CONTENT_PARTIAL) includesContent = true;
      const known = partials.has(name.original) || (isLayout && name.original === CONTENT_PARTIAL);
      if (!known)
        problems.push(`unknown partial "${name.original}" (no file partials/${name.original}.hbs)`);
    }
  }
  new Checker().accept(ast);
  // A layout without the view slot would render every bulletin as an empty page.
  if (isLayout && !includesContent)
    problems.push(`the layout must include the view with {{> ${CONTENT_PARTIAL}}}`);
  if (problems.length > 0) throw new Error(`digest: template ${path}: ${problems.join('; ')}`);
}
