// Reads config/ once at start-up and validates every file with its zod schema, so that a
// mistake stops the program before any work starts, naming the file and the key.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { AppConfig } from './app.ts';
import { ProvinceProfile } from './province.ts';
import { SourcesFile, resolveBridges, type SourceDef } from './sources.ts';
import { TopicsConfig, type LoadedTopics } from './topics.ts';
import { checkModelShape, TopicModel } from '../../pipeline/classify/topic-model.ts';
import { checkToneModelShape, ToneModel } from '../../pipeline/classify/tone-model.ts';

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export type Config = {
  /** The config folder the files were read from. */
  dir: string;
  app: AppConfig;
  sources: SourceDef[];
  profile: ProvinceProfile;
  topics: LoadedTopics;
  /** Resolved paths, after environment overrides. */
  paths: { dataDir: string; db: string };
};

/** The repo's own config/ folder: the default when DIEMTIN_CONFIG_DIR is not set. */
export const DEFAULT_CONFIG_DIR = path.resolve(import.meta.dirname, '../../config');

function describeIssue(issue: z.core.$ZodIssue): string {
  const where = issue.path.length > 0 ? issue.path.join('.') : '(top level)';
  return `${where}: ${issue.message}`;
}

/** Parses one YAML file against a schema; errors name the file and the offending key. */
export function readYamlFile<S extends z.ZodType>(file: string, schema: S): z.infer<S> {
  const shown = path.relative(process.cwd(), file) || file;
  if (!existsSync(file)) throw new ConfigError(`config: ${shown}: file not found`);
  let data: unknown;
  try {
    data = parseYaml(readFileSync(file, 'utf8'));
  } catch (err) {
    const first = (err instanceof Error ? err.message : String(err)).split('\n')[0];
    throw new ConfigError(`config: ${shown}: invalid YAML: ${first}`, { cause: err });
  }
  const result = schema.safeParse(data);
  if (!result.success) {
    const issues = result.error.issues.slice(0, 3).map(describeIssue).join('; ');
    throw new ConfigError(`config: ${shown}: ${issues}`);
  }
  return result.data;
}

function loadSources(dir: string): SourceDef[] {
  const sourcesDir = path.join(dir, 'sources');
  if (!existsSync(sourcesDir)) return [];
  const files = readdirSync(sourcesDir)
    .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
    .sort();
  const sources = files.flatMap((f) => readYamlFile(path.join(sourcesDir, f), SourcesFile).sources);
  const seen = new Set<string>();
  for (const s of sources) {
    if (seen.has(s.id)) throw new ConfigError(`config: sources: duplicate source id "${s.id}"`);
    seen.add(s.id);
  }
  return sources;
}

export function loadProfile(dir: string, id: string): ProvinceProfile {
  if (!/^[a-z0-9-]+$/.test(id)) throw new ConfigError(`config: invalid profile id "${id}"`);
  const file = path.join(dir, 'provinces', `${id}.yaml`);
  if (!existsSync(file)) {
    const known = existsSync(path.join(dir, 'provinces'))
      ? readdirSync(path.join(dir, 'provinces'))
          .filter((f) => f.endsWith('.yaml'))
          .map((f) => f.replace(/\.yaml$/, ''))
      : [];
    throw new ConfigError(
      `config: no province profile "${id}" (known: ${known.join(', ') || 'none'})`,
    );
  }
  return readYamlFile(file, ProvinceProfile);
}

/**
 * topics.yaml, with config/topic-model.json and config/tone-model.json when the folder has
 * them (without a model, the rules decide alone).
 */
export function loadTopics(dir: string, opts: { models?: boolean } = {}): LoadedTopics {
  const cfg = readYamlFile(path.join(dir, 'topics.yaml'), TopicsConfig);
  // `diemtin train` reads the rules alone: a stale model is what it replaces.
  if (opts.models === false) return cfg;
  const model = readModel(path.join(dir, TOPIC_MODEL_FILE), 'topic', (v) => {
    const m = TopicModel.parse(v);
    checkModelShape(m);
    return m;
  });
  const toneModel = readModel(path.join(dir, TONE_MODEL_FILE), 'tone', (v) => {
    const m = ToneModel.parse(v);
    checkToneModelShape(m);
    return m;
  });
  return { ...cfg, model, toneModel };
}

function readModel<T>(file: string, what: string, parse: (v: unknown) => T): T | undefined {
  if (!existsSync(file)) return undefined;
  try {
    return parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch (err) {
    const why = err instanceof Error ? err.message.split('\n')[0] : String(err);
    throw new ConfigError(`config: ${file}: invalid ${what} model (${why})`, { cause: err });
  }
}

export const TONE_MODEL_FILE = 'tone-model.json';
export const TOPIC_MODEL_FILE = 'topic-model.json';

export type LoadOptions = {
  /** The config folder; default DIEMTIN_CONFIG_DIR, else the repo's config/. */
  dir?: string;
  /** Override the monitored province of diemtin.yaml. */
  profile?: string;
  env?: NodeJS.ProcessEnv;
};

/** The config folder: `dir`, else DIEMTIN_CONFIG_DIR, else the repo's config/; it must exist. */
export function configDir(dir?: string, env: NodeJS.ProcessEnv = process.env): string {
  const resolved = path.resolve(dir ?? env.DIEMTIN_CONFIG_DIR ?? DEFAULT_CONFIG_DIR);
  if (!existsSync(resolved)) throw new ConfigError(`config: folder not found: ${resolved}`);
  return resolved;
}

/** diemtin.yaml of a config folder, for commands that need it without the sources. */
export function loadAppConfig(dir: string): AppConfig {
  return readYamlFile(path.join(dir, 'diemtin.yaml'), AppConfig);
}

export function loadConfig(opts: LoadOptions = {}): Config {
  const env = opts.env ?? process.env;
  const dir = configDir(opts.dir, env);
  const app = loadAppConfig(dir);
  const dataDir = path.resolve(env.DIEMTIN_DATA_DIR ?? app.dataDir);
  const db = path.resolve(env.DIEMTIN_DB ?? path.join(dataDir, 'diemtin.sqlite'));
  return {
    dir,
    app: { ...app, dataDir },
    sources: resolveBridges(loadSources(dir), app.crawl.bridgeBaseUrl),
    profile: loadProfile(dir, opts.profile ?? app.profile),
    topics: loadTopics(dir),
    paths: { dataDir, db },
  };
}
