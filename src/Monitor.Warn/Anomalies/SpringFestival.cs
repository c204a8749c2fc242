namespace Monitor.Warn.Anomalies;

/// <summary>
/// The Chinese (Lunar) New Year day per year, 1990–2040. The holiday moves between late January and mid February, and
/// with it a month of low activity (and higher prices) followed by a recovery, which a fixed calendar-month seasonal
/// pattern cannot capture.
/// </summary>
public static class SpringFestival
{
    private static readonly DateOnly[] Days =
    [
        new(1990, 1, 27), new(1991, 2, 15), new(1992, 2, 4), new(1993, 1, 23), new(1994, 2, 10), new(1995, 1, 31),
        new(1996, 2, 19), new(1997, 2, 7), new(1998, 1, 28), new(1999, 2, 16), new(2000, 2, 5), new(2001, 1, 24),
        new(2002, 2, 12), new(2003, 2, 1), new(2004, 1, 22), new(2005, 2, 9), new(2006, 1, 29), new(2007, 2, 18),
        new(2008, 2, 7), new(2009, 1, 26), new(2010, 2, 14), new(2011, 2, 3), new(2012, 1, 23), new(2013, 2, 10),
        new(2014, 1, 31), new(2015, 2, 19), new(2016, 2, 8), new(2017, 1, 28), new(2018, 2, 16), new(2019, 2, 5),
        new(2020, 1, 25), new(2021, 2, 12), new(2022, 2, 1), new(2023, 1, 22), new(2024, 2, 10), new(2025, 1, 29),
        new(2026, 2, 17), new(2027, 2, 6), new(2028, 1, 26), new(2029, 2, 13), new(2030, 2, 3), new(2031, 1, 23),
        new(2032, 2, 11), new(2033, 1, 31), new(2034, 2, 19), new(2035, 2, 8), new(2036, 1, 28), new(2037, 2, 15),
        new(2038, 2, 4), new(2039, 1, 24), new(2040, 2, 12),
    ];

    /// <summary>The festival's month (1 or 2) in <paramref name="year"/>, or null outside the table.</summary>
    public static int? Month(int year)
    {
        var index = year - Days[0].Year;
        return index >= 0 && index < Days.Length ? Days[index].Month : null;
    }
}
