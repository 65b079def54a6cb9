/**
 * Stats: one SQL statement per bucket kind, grouped by the bucket, over the
 * records whose decision time (updatedAt) is in [from, to).
 *
 * Each record has exactly one first-layer outcome, tried in this order:
 * - gpc: decided by Global Privacy Control (method 'gpc');
 * - acceptAll: every category granted;
 * - rejectAll: none granted but the necessary ones (rejectAll() also opts out of sale and sharing: still rejectAll);
 * - optOut: some granted, and the visitor opted out of sale or sharing ("Do Not Sell or Share"); with GPC on
 *   (record.gpc), the opt-out is the signal's doing, not the visitor's, so it is not counted here;
 * - custom: anything else.
 * A record does not say which categories are necessary. They are never refused, so a category counts as
 * necessary until some record refuses it (consentry_refused_categories keeps the ids refused at least once,
 * over every record ever stored): exact as soon as one visitor has refused each non-necessary category,
 * which a single reject-all does.
 */
import type { Sql } from './db.js'
import { recordsError } from '../errors.js'
import { range } from './range.js'
import type { StatsBy, StatsQuery, StatsRow } from './types.js'

/** Each bucket's key, and how the buckets are ordered (revisions as numbers). */
const BUCKETS: Record<StatsBy, [key: string, sort: string]> = {
  day: [`to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD')`, 'updated_at'],
  region: ['jurisdiction', 'jurisdiction'],
  method: ['method', 'method'],
  revision: ['revision::text', 'revision'],
}

// Each record's outcome is worked out once, without unpacking its categories: a JSON path finds a refusal,
// and containment (@>) finds a granted category that some record refused. Only the consent rates unpack them.
const sql = ([key, sort]: [string, string]) => `
  WITH refusable AS MATERIALIZED (
    SELECT coalesce(array_agg(jsonb_build_object(category, true)), '{}') AS granted FROM consentry_refused_categories
  ),
  r AS MATERIALIZED (
    SELECT ${key} AS bucket, ${sort} AS sort, gpc, categories, CASE
      WHEN method = 'gpc' THEN 'gpc'
      WHEN NOT jsonb_path_exists(categories, '$.* ? (@ == false)') THEN 'acceptAll'
      WHEN NOT categories @> ANY ((SELECT granted FROM refusable)::jsonb[]) THEN 'rejectAll'
      WHEN NOT gpc AND (opt_out->>'sale' = 'true' OR opt_out->>'sharing' = 'true') THEN 'optOut'
      ELSE 'custom' END AS outcome
    FROM consentry_records WHERE updated_at >= $1::timestamptz AND updated_at < $2::timestamptz
  ),
  b AS (
    SELECT bucket, min(sort) AS sort, count(*)::int AS records,
      count(*) FILTER (WHERE outcome = 'acceptAll')::int AS accept_all,
      count(*) FILTER (WHERE outcome = 'rejectAll')::int AS reject_all,
      count(*) FILTER (WHERE outcome = 'custom')::int AS custom,
      count(*) FILTER (WHERE outcome = 'optOut')::int AS opt_out,
      count(*) FILTER (WHERE outcome = 'gpc')::int AS gpc,
      count(*) FILTER (WHERE gpc)::float8 / count(*) AS gpc_share
    FROM r GROUP BY bucket
  ),
  granted AS (
    SELECT r.bucket, e.key AS category, count(*) FILTER (WHERE e.value = 'true'::jsonb) AS n
    FROM r, jsonb_each(r.categories) AS e GROUP BY r.bucket, e.key
  ),
  rates AS (
    SELECT granted.bucket, jsonb_object_agg(granted.category, granted.n::float8 / b.records) AS consent_rate
    FROM granted JOIN b ON b.bucket = granted.bucket GROUP BY granted.bucket
  )
  SELECT b.*, coalesce(rates.consent_rate, '{}'::jsonb) AS consent_rate
  FROM b LEFT JOIN rates ON rates.bucket = b.bucket ORDER BY b.sort, b.bucket`

const SQL = Object.fromEntries(Object.entries(BUCKETS).map(([by, bucket]) => [by, sql(bucket)])) as Record<StatsBy, string>

interface Row {
  bucket: string
  records: number
  accept_all: number
  reject_all: number
  custom: number
  opt_out: number
  gpc: number
  gpc_share: number
  consent_rate: Record<string, number>
}

export const stats = async (db: Sql, q: StatsQuery): Promise<StatsRow[]> => {
  const by = q?.by
  if (!Object.hasOwn(SQL, by)) throw recordsError('invalid-query', `by: expected day | region | method | revision, got ${JSON.stringify(by)}`)
  const rows = await db.query<Row>(SQL[by], range(q))
  return rows.map((r) => ({
    key: r.bucket,
    records: r.records,
    outcomes: { acceptAll: r.accept_all, rejectAll: r.reject_all, custom: r.custom, optOut: r.opt_out, gpc: r.gpc },
    consentRate: r.consent_rate,
    gpcShare: r.gpc_share,
  }))
}
