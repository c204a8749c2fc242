using Monitor.Ingest.Readers.Sdmx;
using Monitor.Testing;

namespace Monitor.Ingest.Tests.Readers.Sdmx;

/// <summary>Structure-specific messages, time formats, missing values and malformed messages of each syntax.</summary>
[TestClass]
public sealed class SdmxMessageTests
{
    private const string StructureSpecific = """
        <?xml version="1.0" encoding="UTF-8"?>
        <message:StructureSpecificData xmlns:message="http://www.sdmx.org/resources/sdmxml/schemas/v2_1/message"
            xmlns:common="http://www.sdmx.org/resources/sdmxml/schemas/v2_1/common"
            xmlns:ss="http://www.sdmx.org/resources/sdmxml/schemas/v2_1/data/structurespecific"
            xmlns:ns1="urn:sdmx:org.sdmx.infomodel.datastructure.Dataflow=IMF:CPI(1.0):ObsLevelDim:TIME_PERIOD"
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
          <message:Header>
            <message:ID>T1</message:ID><message:Test>true</message:Test><message:Prepared>2024-01-01T00:00:00</message:Prepared>
            <message:Sender id="IMF"/>
            <message:Structure structureID="S1" namespace="urn:x" dimensionAtObservation="TIME_PERIOD">
              <common:StructureUsage><Ref agencyID="IMF" id="CPI" version="1.0"/></common:StructureUsage>
            </message:Structure>
          </message:Header>
          <message:DataSet ss:structureRef="S1" xsi:type="ns1:DataSetType" ss:dataScope="DataStructure" action="Replace">
            <Series FREQ="Q" REF_AREA="CN" INDICATOR="PCPI_IX" UNIT_MULT="0" TITLE="Consumer prices">
              <Obs TIME_PERIOD="2014-Q1" OBS_VALUE="101.5" OBS_STATUS="A"/>
              <Obs TIME_PERIOD="2014-Q2" OBS_VALUE="NaN"/>
              <Obs TIME_PERIOD="2014-Q3"/>
              <Obs TIME_PERIOD="2014-Q4" OBS_VALUE="102.25"/>
            </Series>
            <Series FREQ="W" REF_AREA="CN-BJ" INDICATOR="PRICE">
              <Obs TIME_PERIOD="2014-W05" OBS_VALUE="7"/>
            </Series>
            <Series FREQ="S" REF_AREA="US" INDICATOR="GDP">
              <Obs TIME_PERIOD="2014-S2" OBS_VALUE="3"/>
            </Series>
          </message:DataSet>
        </message:StructureSpecificData>
        """;

    [TestMethod]
    public void Structure_specific_series_load_with_missing_and_NaN_skipped_and_counted()
    {
        using var h = new IngestHarness();
        var path = h.Write("cpi.xml", StructureSpecific);

        var result = h.Ingest(path);

        Assert.AreEqual(("succeeded", 4L, 2L), (result.Status, result.RowsNew, result.RowsSkipped), string.Join("\n", result.Problems));
        StringAssert.Contains(result.Summary(), "skipped as missing 2");
        Assert.AreEqual(102.25, h.Scalar("SELECT value FROM observations WHERE series_id = 't:CPI.Q.CN.PCPI_IX' AND period = DATE '2014-10-01'"));
        Assert.AreEqual("Consumer prices", h.Scalar("SELECT name FROM series WHERE series_id = 't:CPI.Q.CN.PCPI_IX'"));
        Assert.AreEqual("CN", h.Scalar("SELECT country FROM series WHERE series_id = 't:CPI.Q.CN.PCPI_IX'"));
        Assert.AreEqual(7.0, h.Scalar("SELECT value FROM observations WHERE series_id = 't:CPI.W.PRICE:CN-BJ' AND period = DATE '2014-01-27'"), "REF_AREA CN-BJ is the series' region; week 5 starts on Monday 27 January");
        Assert.AreEqual("A", h.Scalar("SELECT value FROM series_attributes WHERE series_id = 't:CPI.Q.CN.PCPI_IX' AND name = 'OBS_STATUS'"));
    }

    [TestMethod]
    [DataRow("2014", "2014-01-01", "A")]
    [DataRow("2014-S2", "2014-07-01", "S")]
    [DataRow("2014-Q3", "2014-07-01", "Q")]
    [DataRow("2014-01", "2014-01-01", "M")]
    [DataRow("2014-M11", "2014-11-01", "M")]
    [DataRow("2014-W05", "2014-01-27", "W")]
    [DataRow("2015-W01", "2014-12-29", "W")]
    [DataRow("2014-01-15", "2014-01-15", "D")]
    [DataRow("2014-D032", "2014-02-01", "D")]
    [DataRow("2014-01-15T00:00:00Z", "2014-01-15", "D")]
    public void Time_periods_parse_to_their_first_day(string text, string start, string frequency)
    {
        Assert.IsTrue(SdmxTime.TryParse(text, out var date, out var kind));
        Assert.AreEqual((DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), frequency), (date, kind));
    }

    [TestMethod]
    [DataRow("2014-Q5")]
    [DataRow("2014-13")]
    [DataRow("2014-W54")]
    [DataRow("14-01")]
    public void Impossible_time_periods_are_refused(string text) => Assert.IsFalse(SdmxTime.TryParse(text, out _, out _));

    [TestMethod]
    public void Truncated_xml_is_rejected_and_the_store_is_unchanged()
    {
        using var h = new IngestHarness();
        h.Ingest(h.Write("good.xml", StructureSpecific), source: "good");
        var before = h.DataFingerprint();
        var text = File.ReadAllText(RepoPaths.Dataset("sdmx_samples/ECB_EXR/ng-ts.xml"));

        var result = h.Ingest(h.Write("cut.xml", text[..(text.Length * 2 / 3)]), source: "cut");

        Assert.AreEqual("failed", result.Status);
        StringAssert.Contains(result.Problems[0].ToString(), "not well-formed SDMX-ML");
        Assert.AreEqual(before, h.DataFingerprint());
    }

    [TestMethod]
    public void Json_without_its_structure_is_rejected_and_the_store_is_unchanged()
    {
        using var h = new IngestHarness();
        h.Ingest(h.Write("good.xml", StructureSpecific), source: "good");
        var before = h.DataFingerprint();
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(RepoPaths.Dataset("sdmx_samples/ECB_EXR/ts.json")))!.AsObject();
        json["structure"]!.AsObject().Remove("dimensions");

        var result = h.Ingest(h.Write("nostructure.json", json.ToJsonString()), source: "bad");

        Assert.AreEqual("failed", result.Status);
        StringAssert.Contains(result.Problems[0].ToString(), "no structure (dimensions)");
        Assert.AreEqual(before, h.DataFingerprint());
    }

    [TestMethod]
    public void Csv_without_obs_value_is_rejected_and_a_bad_value_names_its_line()
    {
        using var h = new IngestHarness();
        h.Ingest(h.Write("good.xml", StructureSpecific), source: "good");
        var before = h.DataFingerprint();

        var noValue = h.Ingest(h.Write("novalue.csv", "DATAFLOW,FREQ,REF_AREA,TIME_PERIOD,UNIT\nIMF:CPI(1.0),M,CN,2014-01,IX\n"), source: "a");
        var badValue = h.Ingest(h.Write("badvalue.csv", "DATAFLOW,FREQ,REF_AREA,TIME_PERIOD,OBS_VALUE\nIMF:CPI(1.0),M,CN,2014-01,1.5\nIMF:CPI(1.0),M,CN,2014-02,abc\n"), source: "b");

        Assert.AreEqual(("failed", "failed"), (noValue.Status, badValue.Status));
        StringAssert.Contains(noValue.Problems[0].ToString(), "no OBS_VALUE column");
        StringAssert.EndsWith(badValue.Problems[0].ToString(), "badvalue.csv:3: OBS_VALUE: 'abc' is not a number");
        Assert.AreEqual(before, h.DataFingerprint());
    }

    [TestMethod]
    public void Csv_1_0_with_dataflow_column_loads_daily_observations()
    {
        using var h = new IngestHarness();
        var path = h.Write("exr.csv", "DATAFLOW,FREQ,CURRENCY,TIME_PERIOD,OBS_VALUE,OBS_STATUS\nECB:EXR(1.0),D,USD,2024-01-02,1.09,A\nECB:EXR(1.0),D,USD,2024-01-03,NaN,M\nECB:EXR(1.0),D,USD,2024-01-04,1.1,A\n");

        var result = h.Ingest(path);

        Assert.AreEqual(("succeeded", 2L, 1L), (result.Status, result.RowsNew, result.RowsSkipped), string.Join("\n", result.Problems));
        Assert.AreEqual("D", h.Scalar("SELECT frequency FROM series WHERE series_id = 't:EXR.D.USD'"));
    }
}
