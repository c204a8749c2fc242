using System.Globalization;
using DuckDB.NET.Data;
using Monitor.Core.Store;
using Monitor.Enterprises.Codes;
using Monitor.Enterprises.Store;

namespace Monitor.Enterprises.Ingest;

/// <summary>
/// After a rejected load (rolled back), reads the file once more with row numbers, keeps only the rows the checks
/// flagged, and says for each what is wrong with which field, as file:line problems. Only runs on the failure path.
/// </summary>
internal static class PanelExplainer
{
    private const int MaxProblems = 50;
    private const int ScannedRows = 20_000;

    private sealed record Row(long Line, string? Id, string? Name, string? Region, string? Industry, string? Size, string? Indicator,
        DateOnly? Period, double? Value, string? PeriodText, string? ValueText);

    public static List<PanelProblem> Explain(DuckDBConnection connection, string path, string shown, PanelChecks.Findings findings)
    {
        StoreFlags(connection, findings);
        var offset = PanelLayout.IsParquet(path) ? 0 : 1; // CSV: line 1 is the header
        var rows = Sql.Rows(connection, $"""
            SELECT n + {offset}, enterprise_id, enterprise_name, region_code, industry_code, size_class, indicator, period, value, period_text, value_text
            FROM (SELECT row_number() OVER () AS n, * FROM ({PanelLayout.Projection(PanelLayout.Source(path))})) p
            WHERE NOT {PanelChecks.CellsOk("p.")}
               OR p.enterprise_id IN (SELECT code FROM enterprise_flags WHERE kind = 'id')
               OR p.region_code IN (SELECT code FROM enterprise_flags WHERE kind = 'region')
               OR p.industry_code IN (SELECT code FROM enterprise_flags WHERE kind = 'industry')
               OR EXISTS (SELECT 1 FROM enterprise_flags f WHERE f.kind = 'pair' AND f.code = p.enterprise_id AND f.period = p.period)
            ORDER BY n LIMIT {ScannedRows}
            """, r => new Row(r.GetInt64(0), Text(r, 1), Text(r, 2), Text(r, 3), Text(r, 4), Text(r, 5), Text(r, 6),
                r.IsDBNull(7) ? null : DateOnly.FromDateTime(r.GetDateTime(7)), r.IsDBNull(8) ? null : r.GetDouble(8), Text(r, 9), Text(r, 10)));
        Sql.Execute(connection, null, "DROP TABLE IF EXISTS enterprise_flags");

        var stored = findings.Pairs.Where(p => p.Kind == PanelChecks.MovedFromStore)
            .ToDictionary(p => (p.EnterpriseId, p.Period), p => p.StoredRegion!);
        var seenValues = new Dictionary<(string, string, DateOnly), Row>();
        var seenRegions = new Dictionary<(string, DateOnly), Row>();
        var problems = new List<PanelProblem>();
        foreach (var row in rows)
        {
            if (Describe(row, stored, seenValues, seenRegions) is { } problem)
                problems.Add(new PanelProblem(shown, row.Line, problem.Field, problem.Reason));
            if (problems.Count >= MaxProblems) break;
        }
        if (problems.Count == 0)
            problems.Add(new PanelProblem(shown, 0, "file", "rejected by the store's checks, but no single row could be named (file changed while loading?)"));
        return problems;
    }

    private static (string Field, string Reason)? Describe(Row row, Dictionary<(string, DateOnly), string> stored,
        Dictionary<(string, string, DateOnly), Row> seenValues, Dictionary<(string, DateOnly), Row> seenRegions)
    {
        if (CellProblem(row) is { } cell) return cell;
        var key = (row.Id!, row.Indicator!, row.Period!.Value);
        if (seenValues.TryGetValue(key, out var first) && first.Value != row.Value)
            return ("value", $"same firm, indicator and month as line {first.Line} with a different value ({Number(first.Value)} there, {Number(row.Value)} here)");
        seenValues.TryAdd(key, row);
        var month = (row.Id!, row.Period.Value);
        if (seenRegions.TryGetValue(month, out var other) && other.Region != row.Region)
            return ("region_code", $"region {row.Region} differs from {other.Region} on line {other.Line} in the same month: a move needs a dated record (the month it takes effect)");
        seenRegions.TryAdd(month, row);
        if (stored.TryGetValue(month, out var storedRegion) && storedRegion != row.Region)
            return ("region_code", $"the store holds region {storedRegion} for this firm in {row.Period:yyyy-MM}; a move needs a dated record from the month it takes effect, not a rewrite of past months");
        return null;
    }

    private static (string Field, string Reason)? CellProblem(Row row)
    {
        if (IdProblem(row.Id) is { } id) return ("enterprise_id", id);
        if (string.IsNullOrEmpty(row.Name)) return ("enterprise_name", "empty");
        if (string.IsNullOrEmpty(row.Region) || !CodeLists.Shipped.RegionNames.ContainsKey(row.Region))
            return ("region_code", $"unknown GB/T 2260 division code '{row.Region}'");
        if (IndustryProblem(row.Industry) is { } industry) return ("industry_code", industry);
        if (row.Size is null || !PanelLayout.SizeClasses.Contains(row.Size))
            return ("size_class", $"'{row.Size}' is not one of {string.Join(", ", PanelLayout.SizeClasses)}");
        if (string.IsNullOrEmpty(row.Indicator)) return ("indicator", "empty");
        if (row.Period is not { Day: 1 }) return ("period", $"'{row.PeriodText}' is not a month (YYYY-MM)");
        if (row.Value is not { } value || !double.IsFinite(value)) return ("value", $"'{row.ValueText}' is not a finite number");
        return null;
    }

    /// <summary>Why a unified social credit code is rejected, or null when it is valid.</summary>
    public static string? IdProblem(string? id)
    {
        if (string.IsNullOrEmpty(id)) return "empty";
        if (id.Length != 18) return $"'{id}' has {id.Length} characters; a unified social credit code has 18";
        if (id.FirstOrDefault(c => !CreditCode.Alphabet.Contains(c)) is var bad and not '\0')
            return $"'{id}' contains '{bad}', which is not in the GB 32100-2015 alphabet";
        var expected = CreditCode.CheckCharacter(id.AsSpan(0, 17));
        return expected == id[17] ? null : $"check character of '{id}' is '{id[17]}'; GB 32100-2015 gives '{expected}'";
    }

    /// <summary>Why an industry code is rejected, or null when it is a class of a known GB/T 4754-2017 division.</summary>
    public static string? IndustryProblem(string? code)
    {
        if (code is null || code.Length != 4 || !code.All(char.IsAsciiDigit)) return $"'{code}' is not a 4-digit GB/T 4754-2017 class";
        if (!CodeLists.Shipped.Industries.Any(i => i.Level == "division" && i.Code == code[..2]))
            return $"unknown GB/T 4754-2017 division '{code[..2]}' in class '{code}'";
        return code[2] == '0' ? $"class '{code}' has group digit 0, which GB/T 4754-2017 does not use" : null;
    }

    private static void StoreFlags(DuckDBConnection connection, PanelChecks.Findings findings)
    {
        Sql.Execute(connection, null, "CREATE OR REPLACE TEMP TABLE enterprise_flags (kind VARCHAR, code VARCHAR, period DATE)");
        using var appender = connection.CreateAppender("temp", "main", "enterprise_flags");
        void Add(string kind, string code, DateOnly? period)
        {
            var row = appender.CreateRow().AppendValue(kind).AppendValue(code);
            (period is { } p ? row.AppendValue(p) : row.AppendNullValue()).EndRow();
        }
        foreach (var id in findings.BadIds) Add("id", id, null);
        foreach (var region in findings.BadRegions) Add("region", region, null);
        foreach (var industry in findings.BadIndustries) Add("industry", industry, null);
        foreach (var pair in findings.Pairs) Add("pair", pair.EnterpriseId, pair.Period);
    }

    private static string? Text(DuckDBDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetValue(i).ToString();

    private static string Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? "empty";
}
