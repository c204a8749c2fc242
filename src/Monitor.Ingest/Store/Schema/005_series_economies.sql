-- The economy each series describes (docs/store.md): the region (province or state) of a regional series, else its
-- country (from the dataset's catalogue or the source's configured Country); '' when neither is known.
-- Same rule as SeriesInfo.Economy. country is the country of the economy (CN-BJ belongs to CN).
CREATE VIEW series_economies AS
    SELECT series_id, dataset,
           CASE WHEN coalesce(region_code, '') <> '' THEN region_code ELSE coalesce(country, '') END AS economy,
           coalesce(country, CASE WHEN strpos(coalesce(region_code, ''), '-') > 1 THEN split_part(region_code, '-', 1) ELSE '' END) AS country,
           coalesce(region_code, '') <> '' AS regional
    FROM series;
