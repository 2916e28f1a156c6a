// MODELS.md: the table of every model the spec describes, rendered from each schema and its x-model-profile.
import {
  modelDefaults,
  modelEntries,
  type OpenApiDocument,
  type PriceFormula,
  priceUc,
  UC_PER_CREDIT,
} from '../src/index.js';

const credits = (uc: number) => `${Number((uc / UC_PER_CREDIT).toFixed(4))}`;

/** A price formula in words, in credits. */
export function priceWords(price: PriceFormula): string {
  const parts: string[] = [];
  if (price.table_uc) {
    const rows = Object.entries(price.table_uc.values).map(([key, uc]) => `${key} → ${credits(uc)}`);
    parts.push(`by ${price.table_uc.by.join(', ')}: ${rows.join('; ')}`);
  } else {
    const per = price.quantity?.length ? ` × ${price.quantity.join(' × ')}` : '';
    parts.push(`${credits(price.rate_uc ?? 0)}${per}`);
  }
  for (const factor of price.factors ?? []) {
    const rows = Object.entries(factor.values).map(([key, f]) => `${key} ×${f}`);
    parts.push(`${factor.by.join(', ')}: ${rows.join(', ')}`);
  }
  if (price.minimum_uc) parts.push(`at least ${credits(price.minimum_uc)}`);
  return `${parts.join('; ')}${price.estimated ? ' (**estimated**: no vendor price)' : ''}`;
}

function durations(schema: Record<string, unknown>): string {
  const duration = (schema.properties as Record<string, Record<string, unknown>>).duration;
  if (!duration) return '—';
  const values = duration.enum
    ? (duration.enum as number[]).join(', ')
    : `${String(duration.minimum)}–${String(duration.maximum)}`;
  return `${values} s`;
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ').trim();

export function renderModelsDoc(doc: OpenApiDocument, note: string): string {
  const rows = modelEntries(doc).map((entry) => {
    const { profile } = entry;
    const defaults = Object.entries(modelDefaults(entry))
      .map(([k, v]) => `${k}=${String(v)}`)
      .join(', ');
    return `| [\`${entry.id}\`](${profile.docs}) | ${profile.family} | ${profile.lifecycle} | ${profile.capabilities.join(', ')} | ${durations(entry.schema)} | ${cell(defaults || '—')} | ${cell(priceWords(profile.price))} |`;
  });
  return [
    `<!-- ${note} -->`,
    '# The video models',
    '',
    'Every model the spec describes, read from its schema in `openapi.yaml` and its `x-model-profile`.',
    "Prices are in credits (1 credit = 10,000 UC), per task; `×` fields are the body's values.",
    'Lifecycle `deprecated`: OpenAI shut Sora 2 down on 2026-09-24; the mock still serves `sora-2` as',
    'its seed documents describe it unless started with `--retired sora-2`.',
    '',
    '| model | family | lifecycle | capabilities | durations | defaults | price (credits) |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}

/** Where the README's model table starts and ends; the lines between are generated. */
export const README_TABLE_START =
  '<!-- models table: generated from packages/spec/openapi.yaml by packages/spec/scripts/generate.ts; do not edit -->';
export const README_TABLE_END = '<!-- end of models table -->';

function qualities(schema: Record<string, unknown>): string {
  const quality = (schema.properties as Record<string, { enum?: string[] }>).quality;
  return quality?.enum ? quality.enum.join(', ') : '—';
}

/** A Markdown table with every column padded to its widest cell, as Biome formats it. */
function markdownTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, 3, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** The README's compact table: one row per model, the price of a task with the model's defaults. */
export function renderReadmeTable(doc: OpenApiDocument): string {
  const rows = modelEntries(doc).map((entry) => {
    const { profile } = entry;
    const body = { ...modelDefaults(entry), model: entry.id };
    const price = `${credits(priceUc(profile.price, body))}${profile.price.estimated ? ' (estimated)' : ''}`;
    return [
      `\`${entry.id}\``,
      profile.family,
      profile.lifecycle,
      durations(entry.schema),
      qualities(entry.schema),
      price,
    ];
  });
  const header = ['model', 'family', 'lifecycle', 'durations', 'qualities', 'credits, default task'];
  return [README_TABLE_START, '', markdownTable(header, rows), '', README_TABLE_END].join('\n');
}

/** `readme` with the text between the markers replaced by the table. */
export function withReadmeTable(readme: string, doc: OpenApiDocument): string {
  const start = readme.indexOf(README_TABLE_START);
  const end = readme.indexOf(README_TABLE_END);
  if (start < 0 || end < start) throw new Error('README.md has no models table markers');
  return readme.slice(0, start) + renderReadmeTable(doc) + readme.slice(end + README_TABLE_END.length);
}
