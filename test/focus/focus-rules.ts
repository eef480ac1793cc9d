import { readFile } from 'node:fs/promises';
import { expect } from 'vitest';
import { ALLOCATION_COLUMNS, FOCUS_COLUMNS } from '#focus/focus-columns.js';
import { CHARGE_CATEGORIES, CHARGE_FREQUENCIES } from '#focus/focus-row.js';
import { duckdb, sqlText } from './read-parquet.js';

/** FOCUS 1.2 ServiceCategory values (focus.md §2). */
export const SERVICE_CATEGORIES = [
  'AI and Machine Learning',
  'Analytics',
  'Business Applications',
  'Compute',
  'Databases',
  'Developer Tools',
  'Multicloud',
  'Identity',
  'Integration',
  'Internet of Things',
  'Management and Governance',
  'Media',
  'Migration',
  'Mobile',
  'Networking',
  'Security',
  'Storage',
  'Web',
  'Other',
];

/** Subcategories of the two categories a Devin charge could sit in, each with its one parent. */
export const SUBCATEGORY_PARENT: Record<string, string> = {
  'AI Platforms': 'AI and Machine Learning',
  Bots: 'AI and Machine Learning',
  'Generative AI': 'AI and Machine Learning',
  'Machine Learning': 'AI and Machine Learning',
  'Natural Language Processing': 'AI and Machine Learning',
  'Other (AI and Machine Learning)': 'AI and Machine Learning',
  'Development Environments': 'Developer Tools',
};

export interface PeriodFacts {
  readonly from: string;
  readonly to: string;
  /** What BilledCost must sum to: the journal's posted cents with a map, else the report's total. */
  readonly totalMinor: bigint;
  readonly minorDigits: number;
  readonly currency: string;
}

/**
 * Every FOCUS rule the issue names, checked by reading the Parquet file back
 * with DuckDB (a reader independent of the writer). Each check is an
 * expectation that names the rule it proves.
 */
export async function expectFocusRules(parquetPath: string, facts: PeriodFacts): Promise<void> {
  const db = await duckdb();
  const file = sqlText(parquetPath);
  try {
    const schema = await db.rows(
      `SELECT name, type, logical_type, repetition_type FROM parquet_schema(${file}) WHERE name <> 'duckdb_schema' AND num_children IS NULL`,
    );
    const names = schema.map((s) => String(s.name));

    // Headers: FOCUS columns first, the x_ columns after them, never intermixed.
    const firstCustom = names.findIndex((n) => n.startsWith('x_'));
    expect(firstCustom, 'has x_ columns').toBeGreaterThan(0);
    expect(
      names.slice(firstCustom).every((n) => n.startsWith('x_')),
      'x_ columns after all FOCUS ones',
    ).toBe(true);
    // With cost centres, FOCUS 1.3's allocation columns come first (alphabetical, before BilledCost).
    expect([
      FOCUS_COLUMNS.map((c) => c.name),
      [...ALLOCATION_COLUMNS, ...FOCUS_COLUMNS].map((c) => c.name),
    ]).toContainEqual(names.slice(0, firstCustom));
    for (const required of [
      'BilledCost',
      'BillingAccountId',
      'BillingCurrency',
      'BillingPeriodStart',
      'BillingPeriodEnd',
      'ChargeCategory',
      'ChargePeriodStart',
      'ChargePeriodEnd',
      'ContractedCost',
      'EffectiveCost',
      'InvoiceIssuerName',
      'ListCost',
      'ProviderName',
      'PublisherName',
      'ServiceCategory',
      'ServiceName',
      'ServiceProviderName',
      'HostProviderName',
    ]) {
      const column = schema.find((s) => s.name === required);
      expect(column?.repetition_type, `${required} is REQUIRED in the Parquet schema`).toBe('REQUIRED');
      const [nulls] = await db.rows(`SELECT count(*) AS n FROM ${file} WHERE "${required}" IS NULL`);
      expect(nulls?.n, `${required} never null`).toBe('0');
    }

    // Timestamps: UTC Parquet timestamps, read back as TIMESTAMPTZ, equal to the report period.
    for (const column of ['BillingPeriodStart', 'BillingPeriodEnd', 'ChargePeriodStart', 'ChargePeriodEnd']) {
      const element = schema.find((s) => s.name === column);
      expect(String(element?.logical_type), `${column} is adjusted to UTC`).toMatch(
        /TimestampType\(isAdjustedToUTC=1/,
      );
    }
    const periods = await db.rows(
      `SELECT DISTINCT typeof(BillingPeriodStart) AS t,
         strftime(BillingPeriodStart AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%SZ') AS bps,
         strftime(BillingPeriodEnd AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%SZ') AS bpe,
         strftime(ChargePeriodStart AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%SZ') AS cps,
         strftime(ChargePeriodEnd AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%SZ') AS cpe
       FROM ${file} WHERE ChargeCategory <> 'Adjustment'`,
    );
    const second = (iso: string) => `${iso.slice(0, 19)}Z`;
    expect(periods).toEqual([
      {
        t: 'TIMESTAMP WITH TIME ZONE',
        bps: second(facts.from),
        bpe: second(facts.to),
        cps: second(facts.from),
        cpe: second(facts.to),
      },
    ]);

    // Allowed values and the row rules between columns.
    const values = await db.rows(
      `SELECT DISTINCT ChargeCategory, ChargeFrequency, ChargeClass, ServiceCategory, ServiceSubcategory, ServiceName,
         BillingCurrency, PricingUnit, ProviderName, PublisherName, ServiceProviderName, HostProviderName, InvoiceIssuerName
       FROM ${file}`,
    );
    for (const v of values) {
      expect(CHARGE_CATEGORIES).toContain(v.ChargeCategory);
      expect(CHARGE_FREQUENCIES).toContain(v.ChargeFrequency);
      if (v.ChargeCategory === 'Purchase') expect(v.ChargeFrequency).not.toBe('Usage-Based');
      // Only a true-up corrects a closed period: ChargeClass Correction, on an Adjustment row.
      if (v.ChargeClass !== null) {
        expect(v.ChargeClass, 'ChargeClass is Correction or null').toBe('Correction');
        expect(v.ChargeCategory, 'a correction is an Adjustment').toBe('Adjustment');
      }
      expect(SERVICE_CATEGORIES).toContain(v.ServiceCategory);
      expect(SUBCATEGORY_PARENT[String(v.ServiceSubcategory)], 'subcategory under its one parent').toBe(
        v.ServiceCategory,
      );
      expect(v.BillingCurrency).toBe(facts.currency);
      expect(v.PricingUnit).toBe('ACUs');
      expect(v.HostProviderName, 'HostProviderName = ServiceProviderName').toBe(v.ServiceProviderName);
      expect(v.ProviderName).toBe(v.ServiceProviderName);
      expect(v.PublisherName).toBe(v.ServiceProviderName);
      expect(v.InvoiceIssuerName).toBe('Cognition');
    }
    const categoriesPerService = await db.rows(
      `SELECT ServiceName, count(DISTINCT ServiceCategory) AS n FROM ${file} GROUP BY ServiceName`,
    );
    for (const row of categoriesPerService)
      expect(row.n, 'each ServiceName has exactly one category').toBe('1');
    const [broken] = await db.rows(
      `SELECT
         count(*) FILTER (WHERE (ConsumedQuantity IS NULL) <> (ChargeCategory <> 'Usage')) AS consumed_not_usage,
         count(*) FILTER (WHERE (ConsumedQuantity IS NULL) <> (ConsumedUnit IS NULL)) AS consumed_unit,
         count(*) FILTER (WHERE ChargeCategory IN ('Usage', 'Purchase') AND (PricingQuantity IS NULL OR PricingUnit IS NULL OR ContractedUnitPrice IS NULL)) AS pricing_missing,
         count(*) FILTER (WHERE (ResourceId IS NULL) <> (ResourceType IS NULL)) AS resource_type,
         count(*) FILTER (WHERE ResourceName = ResourceId OR ResourceName = '') AS resource_name,
         count(*) FILTER (WHERE (SubAccountId IS NULL) <> (SubAccountName IS NULL)) AS sub_account_name,
         count(*) FILTER (WHERE ContractedUnitPrice < 0) AS negative_price,
         count(*) FILTER (WHERE EffectiveCost <> BilledCost) AS effective_cost
       FROM ${file}`,
    );
    expect(broken).toEqual({
      consumed_not_usage: '0',
      consumed_unit: '0',
      pricing_missing: '0',
      resource_type: '0',
      resource_name: '0',
      sub_account_name: '0',
      negative_price: '0',
      effective_cost: '0',
    });
    // Nulls are real nulls, never empty strings or placeholders.
    const textColumns = schema.filter((s) => s.type === 'BYTE_ARRAY').map((s) => `"${s.name}"`);
    const [empty] = await db.rows(
      `SELECT count(*) AS n FROM ${file} WHERE ${textColumns.map((c) => `${c} = '' OR ${c} IN ('NULL', 'null', 'N/A')`).join(' OR ')}`,
    );
    expect(empty?.n, 'no empty strings or placeholder nulls').toBe('0');

    // ContractedCost = ContractedUnitPrice × PricingQuantity exactly, in SQL (DECIMAL(38,6) × DECIMAL(38,12)
    // is DECIMAL(38,18), no rounding) and again with bigints from the exact text.
    const [products] = await db.rows(
      `SELECT count(*) FILTER (WHERE ContractedUnitPrice * PricingQuantity <> ContractedCost) AS contracted,
              count(*) FILTER (WHERE ListCost <> ContractedCost) AS list,
              typeof(any_value(ContractedUnitPrice * PricingQuantity)) AS product_type
       FROM ${file}`,
    );
    expect(products).toEqual({ contracted: '0', list: '0', product_type: 'DECIMAL(38,18)' });
    const exact = await db.rows(
      `SELECT ContractedUnitPrice::VARCHAR AS p, PricingQuantity::VARCHAR AS q, ContractedCost::VARCHAR AS c FROM ${file}`,
    );
    const scaled = (text: string, scale: number) => {
      const [whole = '0', fraction = ''] = text.replace('-', '').split('.');
      const value = BigInt(whole + fraction.padEnd(scale, '0').slice(0, scale));
      expect(fraction.length <= scale).toBe(true);
      return text.startsWith('-') ? -value : value;
    };
    for (const row of exact) {
      expect(scaled(String(row.p), 6) * scaled(String(row.q), 12)).toBe(scaled(String(row.c), 18));
    }

    // BilledCost adds up to the report's total to the cent, and each row is whole cents.
    const [billed] = await db.rows(
      `SELECT sum(BilledCost)::VARCHAR AS total,
              count(*) FILTER (WHERE BilledCost * ${10 ** facts.minorDigits} <> round(BilledCost * ${10 ** facts.minorDigits})) AS fractional
       FROM ${file}`,
    );
    expect(scaled(String(billed?.total), 18)).toBe(facts.totalMinor * 10n ** BigInt(18 - facts.minorDigits));
    expect(billed?.fractional, 'BilledCost is whole minor units on every row').toBe('0');

    // Tags: a flat JSON object, every valueless tag `true`.
    const tags = await db.rows(`SELECT Tags FROM ${file} WHERE Tags IS NOT NULL`);
    expect(tags.length).toBeGreaterThan(0);
    for (const { Tags } of tags) {
      const parsed = JSON.parse(String(Tags)) as unknown;
      expect(typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)).toBe(true);
      expect(Object.values(parsed as object).every((v) => v === true)).toBe(true);
    }

    // The data references its schema, and the schema document matches the data's columns.
    const footer = Object.fromEntries(
      (await db.rows(`SELECT decode(key) AS k, decode(value) AS v FROM parquet_kv_metadata(${file})`)).map(
        (r) => [r.k, r.v],
      ),
    );
    expect(footer.FocusVersion).toBe('1.3');
    const root = parquetPath.slice(0, parquetPath.lastIndexOf('/focus/') + '/focus/'.length);
    const metadata = JSON.parse(await readFile(`${root}${footer.FocusSchemaLocation}`, 'utf8')) as {
      SchemaId: string;
      FocusVersion: string;
      CreationDate: string;
      DataGenerator: string;
      ColumnDefinition: {
        ColumnName: string;
        DataType: string;
        NumberScale?: number;
        ProviderTagPrefixes?: unknown;
      }[];
    };
    expect(metadata.SchemaId).toBe(footer.FocusSchemaId);
    expect(metadata.SchemaId).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(metadata.FocusVersion).toBe('1.3');
    expect(metadata.CreationDate).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(metadata.DataGenerator).toMatch(/^devin-chargeback@/);
    expect(metadata.ColumnDefinition.map((c) => c.ColumnName)).toEqual(names);
    expect(metadata.ColumnDefinition.find((c) => c.ColumnName === 'Tags')?.ProviderTagPrefixes).toEqual([]);
    expect(metadata.ColumnDefinition.find((c) => c.ColumnName === 'ContractedCost')).toMatchObject({
      DataType: 'DECIMAL',
      NumberScale: 18,
    });
  } finally {
    db.close();
  }
}
