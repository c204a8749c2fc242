namespace Monitor.Ingest.Model;

/// <summary>Where a reader puts what it parsed: series, their values and the problems it met (each with its line).</summary>
public interface IRowSink
{
    /// <summary>The file name used in problem reports.</summary>
    string FileName { get; }

    /// <summary>Declares a series; returns a handle for <see cref="Value"/>, or -1 when the series itself is invalid (reported).</summary>
    int Series(SeriesSpec spec, long line);

    /// <summary>One value of a declared series for the period starting on <paramref name="period"/>.</summary>
    void Value(int series, DateOnly period, double value, long line);

    /// <summary>
    /// One value as it was known from <paramref name="knownFrom"/> until the next vintage of its period: a real-time
    /// source (ALFRED) gives history as it was published. A file holds vintages or plain values, never both.
    /// <paramref name="knownTo"/>, when the source says the value stopped being published then (ALFRED's realtime_end
    /// before the end of the period asked for), closes the period if no later vintage follows: it was withdrawn.
    /// </summary>
    void Vintage(int series, DateOnly period, double value, DateTime knownFrom, long line, DateTime? knownTo = null) => Value(series, period, value, line);

    /// <summary>Reports a bad input: file:line: field: reason.</summary>
    void Problem(long line, string field, string reason);

    /// <summary>Counts a data row read from the source (for the run record).</summary>
    void RowRead();

    /// <summary>
    /// For inputs without lines: how to name the place a line number stands for ("工业!D14"), used in every problem
    /// reported from then on. Readers of such inputs number their cells and give the decoder once.
    /// </summary>
    void UsePlaces(Func<long, string?> place)
    {
    }

    /// <summary>Counts an input row deliberately not stored (a missing or NaN observation): not a problem, but reported.</summary>
    void Skipped(string reason)
    {
    }
}
