-- Release calendars: when each value of a series became public. Owned by Core (read by ingest for first loads of
-- history, by AsOf for evaluations on files, by the nowcast for the ragged edge). See docs/store.md "Release calendar".
--
-- A rule says when the value of a period is published, relative to the period's last day:
--   lag_days NOT NULL  -> last day + lag_days days
--   otherwise          -> month of the last day + lag_months months, on release_day (NULL = that month's last day;
--                         clamped to the month's length)
--   merge_jan_feb      -> January is published together with February (China's merged Jan–Feb release)
-- The most specific rule wins: exact dataset over '*', exact code over a 'PREFIX*' pattern (longer prefix first) over
-- '*', exact frequency over '*'. Explicit dates (release_dates) win over every rule.
CREATE TABLE release_rules (
    dataset       VARCHAR NOT NULL,              -- dataset, or '*' for any
    code_pattern  VARCHAR NOT NULL,              -- exact code, 'PREFIX*', or '*'
    frequency     VARCHAR NOT NULL DEFAULT '*',  -- D W M Q A, or '*'
    lag_months    INTEGER NOT NULL DEFAULT 0,
    release_day   INTEGER CHECK (release_day BETWEEN 1 AND 31),
    lag_days      INTEGER,
    merge_jan_feb BOOLEAN NOT NULL DEFAULT FALSE,
    note          VARCHAR,
    PRIMARY KEY (dataset, code_pattern, frequency)
);

-- Release dates a source states (e.g. a statistics office's published calendar): one per period of matching series.
CREATE TABLE release_dates (
    dataset      VARCHAR NOT NULL,
    code_pattern VARCHAR NOT NULL,               -- exact code, 'PREFIX*', or '*'
    period       DATE    NOT NULL,
    released_on  DATE    NOT NULL,
    source       VARCHAR,                        -- where the date comes from
    PRIMARY KEY (dataset, code_pattern, period)
);

-- Defaults for any dataset, by frequency.
INSERT INTO release_rules (dataset, code_pattern, frequency, lag_months, release_day, lag_days, note) VALUES
    ('*', '*', 'D', 0, NULL, 1,    'daily: the next day'),
    ('*', '*', 'W', 0, NULL, 7,    'weekly: a week after the week'),
    ('*', '*', 'M', 1, NULL, NULL, 'monthly: by the end of the next month'),
    ('*', '*', 'Q', 0, NULL, 45,   'quarterly: 45 days after the quarter'),
    ('*', '*', 'A', 3, NULL, NULL, 'annual: by the end of March of the next year');

-- FRED-MD (McCracken & Ng publication lags). Default 1 month: employment, production, retail sales, housing, orders,
-- prices, money and credit.
INSERT INTO release_rules (dataset, code_pattern, frequency, lag_months, note)
SELECT 'fred_md', code, 'M', lag, note FROM (VALUES
    ('*', 1, 'employment, production, retail sales, housing, orders, prices, money: 1 month'),
    -- 0 months: interest and exchange rates, spreads, stock prices, sentiment, claims (known at the month's end)
    ('AAA', 0, 'interest rates: 0'), ('AAAFFM', 0, 'spreads: 0'), ('BAA', 0, 'interest rates: 0'), ('BAAFFM', 0, 'spreads: 0'),
    ('COMPAPFFx', 0, 'spreads: 0'), ('CP3Mx', 0, 'interest rates: 0'), ('EXCAUSx', 0, 'exchange rates: 0'),
    ('EXJPUSx', 0, 'exchange rates: 0'), ('EXSZUSx', 0, 'exchange rates: 0'), ('EXUSUKx', 0, 'exchange rates: 0'),
    ('FEDFUNDS', 0, 'interest rates: 0'), ('GS1', 0, 'interest rates: 0'), ('GS10', 0, 'interest rates: 0'),
    ('GS5', 0, 'interest rates: 0'), ('T10YFFM', 0, 'spreads: 0'), ('T1YFFM', 0, 'spreads: 0'), ('T5YFFM', 0, 'spreads: 0'),
    ('TB3MS', 0, 'interest rates: 0'), ('TB3SMFFM', 0, 'spreads: 0'), ('TB6MS', 0, 'interest rates: 0'),
    ('TB6SMFFM', 0, 'spreads: 0'), ('TWEXAFEGSMTHx', 0, 'exchange rates: 0'),
    ('S&P 500', 0, 'stock prices: 0'), ('S&P PE ratio', 0, 'stock prices: 0'), ('S&P div yield', 0, 'stock prices: 0'),
    ('VIXCLSx', 0, 'stock prices: 0'), ('UMCSENTx', 0, 'sentiment: 0'), ('CLAIMSx', 0, 'claims: 0'),
    -- 2 months: personal income, consumption (and its prices), business inventories, trade sales
    ('RPI', 2, 'personal income: 2'), ('W875RX1', 2, 'personal income: 2'), ('DPCERA3M086SBEA', 2, 'consumption: 2'),
    ('PCEPI', 2, 'consumption prices (personal income release): 2'), ('DDURRG3M086SBEA', 2, 'consumption prices: 2'),
    ('DNDGRG3M086SBEA', 2, 'consumption prices: 2'), ('DSERRG3M086SBEA', 2, 'consumption prices: 2'),
    ('CONSPI', 2, 'credit to personal income: 2'), ('BUSINVx', 2, 'business inventories: 2'),
    ('ISRATIOx', 2, 'inventories to sales: 2'), ('CMRMTSPLx', 2, 'trade sales: 2')
) AS t(code, lag, note);

-- FRED-QD: GDP and most NIPA aggregates about 30 days after the quarter.
INSERT INTO release_rules (dataset, code_pattern, frequency, lag_days, note) VALUES
    ('fred_qd', '*', 'Q', 30, 'GDP (advance estimate) and NIPA: about 30 days after the quarter');

-- NBS (China): monthly indicators around the 15th of the next month, PMI on the month's last day, quarterly GDP about
-- 17 days after the quarter; industrial output, retail sales and investment publish January with February.
INSERT INTO release_rules (dataset, code_pattern, frequency, lag_months, release_day, lag_days, merge_jan_feb, note) VALUES
    ('china_macro_monthly', '*', 'M', 1, 15, NULL, FALSE, 'NBS monthly: around the 15th of the next month'),
    ('china_macro_monthly', 'CN_PMI*', 'M', 0, NULL, NULL, FALSE, 'PMI: the last day of the month'),
    ('china_macro_monthly', 'CN_IVA*', 'M', 1, 15, NULL, TRUE, 'industrial value added: January with February'),
    ('china_macro_monthly', 'CN_RETAIL*', 'M', 1, 15, NULL, TRUE, 'retail sales: January with February'),
    ('china_macro_monthly', 'CN_FAI*', 'M', 1, 15, NULL, TRUE, 'fixed-asset investment: January with February'),
    ('china_macro_monthly', '*', 'Q', 0, NULL, 17, FALSE, 'GDP: about 17 days after the quarter'),
    ('china_nbs_quarterly_gdp', '*', 'Q', 0, NULL, 17, FALSE, 'GDP: about 17 days after the quarter'),
    ('us_state_indicators', '*', 'Q', 0, NULL, 60, FALSE, 'FHFA state house prices: about two months after the quarter');
