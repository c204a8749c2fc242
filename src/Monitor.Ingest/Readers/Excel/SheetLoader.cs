using Monitor.Ingest.Model;
using Monitor.Ingest.Readers.Nbs;
using Monitor.Ingest.Workbooks;

namespace Monitor.Ingest.Readers.Excel;

/// <summary>Turns one sheet into series and values by its mapping's layout, reporting every bad cell by its place.</summary>
internal sealed class SheetLoader(WorkbookSheet sheet, ExcelMapping mapping, ReadRequest request, IRowSink sink, bool guessed)
{
    private readonly Dictionary<(string Code, string? Region), int> _handles = [];
    private readonly Dictionary<string, string> _indicators = Keyed(mapping.Indicators);
    private readonly Dictionary<string, string> _regions = Keyed(mapping.Regions);
    private readonly Dictionary<string, string> _columns = Keyed(mapping.Columns);
    private SheetTable _table = null!;
    private string? _unit;

    public void Load()
    {
        var labelColumn = CellAddress.ParseColumn(mapping.LabelColumn);
        if (labelColumn < 0) throw new InputRejectedException(0, "mapping", $"labelColumn '{mapping.LabelColumn}' is not a column name (A, B, …)");
        _table = SheetTable.Of(sheet, mapping.HeaderRows, labelColumn);
        _unit = mapping.Unit ?? _table.Unit;
        if (_table.HeaderRows.Length == 0) { Problem(sheet.Cell(0, 0), "header", "no header row found (set headerRows in the mapping)"); return; }
        switch (mapping.Layout)
        {
            case TableLayout.PeriodsDown: PeriodsDown(); break;
            case TableLayout.PeriodsAcross: PeriodsAcross(); break;
            default: OnePeriod(); break;
        }
    }

    // Indicators or regions down the rows, one period for the whole sheet (from its title or name).
    private void OnePeriod()
    {
        if (SheetPeriod() is not { } found) return;
        var frequency = mapping.Frequency ?? found.Frequency;
        var period = found with { Start = Spacing.Start(frequency, found.Start) };
        var columns = _table.ValueColumns().Select(c => (Column: c, Header: _table.Header(c), Code: ColumnCode(c))).Where(c => c.Code is not null).ToList();
        foreach (var row in _table.DataRows)
        {
            var label = sheet.Cell(row, _table.LabelColumn);
            sink.RowRead();
            if (mapping.Layout == TableLayout.RegionsDown)
            {
                if (!RegionOf(label, out var region)) continue;
                foreach (var (column, header, code) in columns)
                    Put(Handle(code!, header, region, frequency, label), period.Start, sheet.Cell(row, column));
            }
            else if (IndicatorOf(label) is { } indicator)
            {
                foreach (var (column, header, suffix) in columns)
                    Put(Handle(indicator + suffix, $"{label.Text} {header}".Trim(), mapping.Region ?? request.Defaults.RegionCode, frequency, label), period.Start, sheet.Cell(row, column));
            }
        }
    }

    private void PeriodsAcross()
    {
        var header = _table.HeaderRows[^1];
        var periods = _table.ValueColumns().Select(c => (Column: c, Period: PeriodLabels.Of(sheet.Cell(header, c)) ?? PeriodLabels.Find(_table.Header(c), whole: true))).ToList();
        foreach (var (column, period) in periods.Where(p => p.Period is null))
            Problem(sheet.Cell(header, column), "period", $"column header '{CellNumbers.Clip(_table.Header(column))}' is not a period");
        var known = periods.Where(p => p.Period is not null).Select(p => (p.Column, Period: p.Period!.Value)).ToList();
        var frequency = mapping.Frequency ?? Spacing.Frequency(known.Select(p => p.Period).ToList());
        foreach (var row in _table.DataRows)
        {
            var label = sheet.Cell(row, _table.LabelColumn);
            sink.RowRead();
            if (IndicatorOf(label) is not { } indicator) continue;
            var handle = Handle(indicator, label.Text, mapping.Region ?? request.Defaults.RegionCode, frequency, label);
            foreach (var (column, period) in known) Put(handle, Spacing.Start(frequency, period.Start), sheet.Cell(row, column));
        }
    }

    private void PeriodsDown()
    {
        var rows = _table.DataRows.Select(r => (Row: r, Period: PeriodLabels.Of(sheet.Cell(r, _table.LabelColumn)))).ToList();
        var frequency = mapping.Frequency ?? Spacing.Frequency(rows.Where(r => r.Period is not null).Select(r => r.Period!.Value).ToList());
        var columns = _table.ValueColumns().Select(c => (Column: c, Header: _table.Header(c), Code: ColumnCode(c))).Where(c => c.Code is not null).ToList();
        foreach (var (row, period) in rows)
        {
            sink.RowRead();
            var label = sheet.Cell(row, _table.LabelColumn);
            if (period is null) { Problem(label, "period", $"'{CellNumbers.Clip(label.Text)}' is not a period"); continue; }
            foreach (var (column, header, code) in columns)
                Put(Handle(code!, header, mapping.Region ?? request.Defaults.RegionCode, frequency, sheet.Cell(_table.HeaderRows[^1], column)), Spacing.Start(frequency, period.Value.Start), sheet.Cell(row, column));
        }
    }

    private void Put(int handle, DateOnly period, WorkbookCell cell)
    {
        if (handle < 0) return;
        var number = cell.Number();
        if (number.IsMissing) return;
        if (number.Error is { } error) { Problem(cell, _table.Header(cell.Column), error); return; }
        sink.Value(handle, period, number.Value * mapping.Multiplier, Line(cell));
    }

    private int Handle(string code, string name, string? region, string frequency, WorkbookCell at)
    {
        if (_handles.TryGetValue((code, region), out var handle)) return handle;
        var domain = mapping.Domain ?? request.Defaults.Domain ?? (mapping.Layout == TableLayout.RegionsDown ? "regional" : "macro");
        var spec = new SeriesSpec(code, name, domain, frequency, region, request.Defaults.IndustryCode, NameZh: name, Unit: _unit);
        handle = sink.Series(spec, Line(at));
        _handles[(code, region)] = handle;
        return handle;
    }

    /// <summary>The code (or suffix) a value column maps to; null when the mapping does not read it.</summary>
    private string? ColumnCode(int column)
    {
        var header = _table.Header(column);
        if (_columns.Count > 0)
            return _columns.TryGetValue(SheetTable.Key(header), out var code) || _columns.TryGetValue(SheetTable.Key(header.Split('/')[^1]), out code) ? code : null;
        if (mapping.Layout == TableLayout.IndicatorsDown)
            return _table.ValueColumns().Count() == 1 ? "" : "_" + SheetTable.Key(header.Split('/')[^1]);
        return SheetTable.Key(header);
    }

    private string? IndicatorOf(WorkbookCell label)
    {
        var key = SheetTable.Key(label.Text);
        if (key.Length == 0) { Problem(label, "label", "a data row without a label"); return null; }
        if (_indicators.TryGetValue(key, out var code)) return code;
        return Unmapped(label, "indicators") ? key : null;
    }

    private bool RegionOf(WorkbookCell label, out string? region)
    {
        var key = SheetTable.Key(label.Text);
        region = _regions.TryGetValue(key, out var code) ? code : Provinces.Code(key);
        if (region is not null) { region = region.Length == 0 ? null : region; return true; }
        if (key.Length == 0) Problem(label, "label", "a data row without a label");
        else Unmapped(label, "regions");
        return false;
    }

    // An unnamed row: read under its own label (simple tables), skipped when the mapping says so, else an error.
    private bool Unmapped(WorkbookCell label, string list)
    {
        if (guessed || mapping.Unmapped == "code") return true;
        if (mapping.Unmapped != "skip")
            Problem(label, "label", $"row label '{CellNumbers.Clip(label.Text)}' has no code in the mapping (add it to {list}, or set unmapped to skip)");
        return false;
    }

    private LabelPeriod? SheetPeriod()
    {
        var fromTitle = mapping.Period is "auto" or "title" ? _table.Lead.Select(c => PeriodLabels.Find(c.Text)).FirstOrDefault(p => p is not null) : null;
        var fromName = mapping.Period is "auto" or "sheet" ? PeriodLabels.Find(sheet.Name) : null;
        var fixedPeriod = mapping.Period is "auto" or "title" or "sheet" ? null : PeriodLabels.Find(mapping.Period, whole: true);
        if ((fixedPeriod ?? fromTitle ?? fromName) is { } period) return period;
        Problem(sheet.Cell(0, 0), "period", mapping.Period is "auto" or "title" or "sheet"
            ? "no period in the title lines or the sheet name (set period in the mapping)"
            : $"mapping period '{mapping.Period}' is not a period");
        return null;
    }

    private void Problem(WorkbookCell cell, string field, string reason) => sink.Problem(Line(cell), field, reason);

    private long Line(WorkbookCell cell) => WorkbookPlaces.Line(cell, sheet.Index);

    private static Dictionary<string, string> Keyed(Dictionary<string, string> map) =>
        map.GroupBy(p => SheetTable.Key(p.Key)).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.OrdinalIgnoreCase);
}
