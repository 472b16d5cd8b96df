using System.Text;

namespace ClientDesk.OnSite.Schedule;

/// <summary>One problem of an import: the file's line and a text key of <see cref="ScheduleTexts"/> with its values.</summary>
public sealed record ImportProblem(int Line, string Key, params object[] Values);

/// <summary>A checked stop read from a line of the file.</summary>
public sealed record ImportedStop(
    int Line, int RegionId, string Municipality, string PlaceName, string? WhereExactly, double? Latitude, double? Longitude,
    DateOnly Date, TimeOnly Start, TimeOnly End, string? NoteLv, string? NoteEn);

/// <summary>
/// Reads the schedule's CSV file (docs/inspection-stop-csv.md): UTF-8, a header row, ';' or ',' between fields, quotes
/// around fields that hold the separator. Every line is checked and every problem reported with its line number; the
/// caller stores nothing unless there are none.
/// </summary>
public static class StopCsv
{
    public const int MaxLines = 3000;

    /// <summary>Canonical column names (the English header) and the Latvian ones, in the template's order.</summary>
    public static readonly (string En, string Lv, bool Required)[] Columns =
    [
        ("region", "reģions", true), ("municipality", "novads", true), ("place", "vieta", true), ("where", "kur tieši", false),
        ("latitude", "platums", false), ("longitude", "garums", false), ("date", "datums", true), ("start", "sākums", true),
        ("end", "beigas", true), ("note_lv", "piezīme", false), ("note_en", "piezīme angliski", false),
        ("date2", "datums 2", false), ("start2", "sākums 2", false), ("end2", "beigas 2", false),
    ];

    /// <summary>The template offered for download: the header in the user's language and one example line.</summary>
    public static string Template(bool english)
    {
        var header = string.Join(';', Columns.Select(c => english ? c.En : c.Lv));
        const string example = "Latgale;Ludzas novads;Nirza;pie pagasta pārvaldes;56,3621;27,7702;2027-04-14;9:00;10:00;;;2027-05-19;9:00;10:00";
        return header + "\r\n" + example + "\r\n";
    }

    public static (IReadOnlyList<ImportedStop> Stops, IReadOnlyList<ImportProblem> Problems) Read(
        string text, IReadOnlyDictionary<string, int> regionsByPlainName, DateOnly today)
    {
        var problems = new List<ImportProblem>();
        var stops = new List<ImportedStop>();
        var records = Records(text.TrimStart('\uFEFF')).ToList();
        if (records.Count == 0 || records[0].Fields.All(string.IsNullOrWhiteSpace))
        {
            return (stops, [new ImportProblem(1, "Import.Empty")]);
        }

        if (records.Count > MaxLines + 1)
        {
            return (stops, [new ImportProblem(MaxLines + 2, "Import.TooManyLines", MaxLines)]);
        }

        // The columns, by the header's names in either language.
        var header = records[0];
        var index = new Dictionary<string, int>();
        for (var i = 0; i < header.Fields.Count; i++)
        {
            var name = ScheduleGazetteer.Plain(header.Fields[i]).Replace('_', ' ');
            var column = Columns.FirstOrDefault(c => ScheduleGazetteer.Plain(c.En).Replace('_', ' ') == name || ScheduleGazetteer.Plain(c.Lv) == name);
            if (column.En is null)
            {
                problems.Add(new ImportProblem(header.Line, "Import.UnknownColumn", header.Fields[i].Trim()));
            }
            else if (!index.TryAdd(column.En, i))
            {
                problems.Add(new ImportProblem(header.Line, "Import.RepeatedColumn", header.Fields[i].Trim()));
            }
        }

        foreach (var missing in Columns.Where(c => c.Required && !index.ContainsKey(c.En)))
        {
            problems.Add(new ImportProblem(header.Line, "Import.MissingColumn", missing.Lv, missing.En));
        }

        if (problems.Count > 0)
        {
            return (stops, problems);
        }

        var seen = new Dictionary<(DateOnly, TimeOnly, string, string), int>();
        foreach (var record in records.Skip(1))
        {
            if (record.Fields.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            if (record.Fields.Count != header.Fields.Count)
            {
                problems.Add(new ImportProblem(record.Line, "Import.FieldCount", record.Fields.Count, header.Fields.Count));
                continue;
            }

            string? Field(string column) =>
                index.TryGetValue(column, out var at) && record.Fields[at].Trim() is { Length: > 0 } value ? value : null;

            var line = record.Line;
            var before = problems.Count;

            var regionText = Field("region");
            var regionId = 0;
            if (regionText is null)
            {
                problems.Add(new ImportProblem(line, "Import.RegionMissing"));
            }
            else if (!regionsByPlainName.TryGetValue(ScheduleGazetteer.Plain(regionText), out regionId))
            {
                problems.Add(new ImportProblem(line, "Import.RegionUnknown", regionText));
            }

            var municipality = Field("municipality");
            if (municipality is null)
            {
                problems.Add(new ImportProblem(line, "Import.MunicipalityMissing"));
            }

            var place = Field("place");
            if (place is null)
            {
                problems.Add(new ImportProblem(line, "Import.PlaceMissing"));
            }

            Length(municipality, InspectionStop.NameLength, "Import.MunicipalityTooLong");
            Length(place, InspectionStop.NameLength, "Import.PlaceTooLong");
            var where = Field("where");
            Length(where, InspectionStop.WhereLength, "Import.WhereTooLong");
            var noteLv = Field("note_lv");
            var noteEn = Field("note_en");
            Length(noteLv, InspectionStop.NoteLength, "Import.NoteTooLong");
            Length(noteEn, InspectionStop.NoteLength, "Import.NoteTooLong");

            double? latitude = null, longitude = null;
            var latitudeText = Field("latitude");
            var longitudeText = Field("longitude");
            if (latitudeText is not null || longitudeText is not null)
            {
                if (latitudeText is null || longitudeText is null)
                {
                    problems.Add(new ImportProblem(line, "Import.PointHalf"));
                }
                else if (!StopValues.TryCoordinate(latitudeText, out var lat) || !StopValues.TryCoordinate(longitudeText, out var lon))
                {
                    problems.Add(new ImportProblem(line, "Import.PointNotNumber", latitudeText, longitudeText));
                }
                else if (!InspectionStop.InLatvia(lat, lon))
                {
                    problems.Add(new ImportProblem(line, "Import.PointOutside", latitudeText, longitudeText));
                }
                else
                {
                    (latitude, longitude) = (lat, lon);
                }
            }

            var visits = new List<(DateOnly Date, TimeOnly Start, TimeOnly End)>();
            Visit("date", "start", "end", required: true);
            Visit("date2", "start2", "end2", required: false);

            if (problems.Count > before)
            {
                continue;
            }

            foreach (var (date, start, end) in visits)
            {
                var key = (date, start, ScheduleGazetteer.Plain(municipality!), ScheduleGazetteer.Plain(place!));
                if (seen.TryGetValue(key, out var firstLine))
                {
                    problems.Add(new ImportProblem(line, "Import.DuplicateInFile", firstLine));
                    continue;
                }

                seen[key] = line;
                stops.Add(new ImportedStop(line, regionId, municipality!, place!, where, latitude, longitude, date, start, end, noteLv, noteEn));
            }

            void Length(string? value, int max, string key)
            {
                if (value is { Length: var length } && length > max)
                {
                    problems.Add(new ImportProblem(line, key, max));
                }
            }

            void Visit(string dateColumn, string startColumn, string endColumn, bool required)
            {
                var (dateText, startText, endText) = (Field(dateColumn), Field(startColumn), Field(endColumn));
                if (!required && dateText is null && startText is null && endText is null)
                {
                    return;
                }

                string Named(string column) => index.TryGetValue(column, out var at) ? header.Fields[at].Trim() : column;
                var good = true;
                if (!StopValues.TryDate(dateText, out var date))
                {
                    problems.Add(dateText is null
                        ? new ImportProblem(line, "Import.DateMissing", Named(dateColumn))
                        : new ImportProblem(line, "Import.DateBad", Named(dateColumn), dateText));
                    good = false;
                }
                else if (date < today)
                {
                    problems.Add(new ImportProblem(line, "Import.DatePast", Named(dateColumn), StopValues.Iso(date)));
                    good = false;
                }

                if (!StopValues.TryTime(startText, out var start))
                {
                    problems.Add(startText is null
                        ? new ImportProblem(line, "Import.StartMissing", Named(startColumn))
                        : new ImportProblem(line, "Import.TimeBad", Named(startColumn), startText));
                    good = false;
                }

                if (!StopValues.TryTime(endText, out var end))
                {
                    problems.Add(endText is null
                        ? new ImportProblem(line, "Import.EndMissing", Named(endColumn))
                        : new ImportProblem(line, "Import.TimeBad", Named(endColumn), endText));
                    good = false;
                }
                else if (good && end <= start)
                {
                    problems.Add(new ImportProblem(line, "Import.EndBeforeStart", Named(endColumn), startText!, endText!));
                    good = false;
                }

                if (good)
                {
                    visits.Add((date, start, end));
                }
            }
        }

        return (stops, problems);
    }

    private sealed record Record(int Line, List<string> Fields);

    /// <summary>Splits the text into records (RFC 4180 quoting), each with the line it starts on; the separator is the header's.</summary>
    private static IEnumerable<Record> Records(string text)
    {
        var firstLine = text.Split('\n', 2)[0];
        var separator = firstLine.Count(c => c == ';') >= firstLine.Count(c => c == ',') && firstLine.Contains(';') ? ';' : ',';
        var line = 1;
        var start = 1;
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    if (c == '\n')
                    {
                        line++;
                    }

                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (c == separator)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n')
            {
                fields.Add(field.ToString().TrimEnd('\r'));
                field.Clear();
                yield return new Record(start, fields);
                fields = [];
                line++;
                start = line;
            }
            else
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString().TrimEnd('\r'));
            yield return new Record(start, fields);
        }
    }
}
