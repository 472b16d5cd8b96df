using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace ClientDesk.Tests.Administration;

/// <summary>
/// A form as a browser would post it: the fields a page renders (inputs, checked boxes, textareas, selected options),
/// which a test then changes before posting. Keeps repeated names, as checkbox groups have.
/// </summary>
internal sealed partial class HtmlForm
{
    private readonly List<KeyValuePair<string, string>> fields;

    private HtmlForm(string action, List<KeyValuePair<string, string>> fields)
    {
        Action = action;
        this.fields = fields;
    }

    public string Action { get; }

    /// <summary>Reads the n-th POST form of the page at <paramref name="url"/>.</summary>
    public static async Task<HtmlForm> LoadAsync(HttpClient client, string url, int index = 0)
    {
        var page = await client.GetStringAsync(url);
        var form = PostForm().Matches(page)[index];
        var action = form.Groups["attrs"].Value is var attrs && Attribute(attrs, "action") is { Length: > 0 } a ? a : url;
        var body = form.Groups["body"].Value;
        var found = new List<KeyValuePair<string, string>>();
        foreach (Match element in Element().Matches(body))
        {
            var tag = element.Groups["tag"].Value;
            var name = Attribute(element.Value, "name");
            if (string.IsNullOrEmpty(name))
            {
                continue;
            }

            if (tag == "input")
            {
                var type = Attribute(element.Value, "type") ?? "text";
                if (type is "checkbox" or "radio" && !CheckedAttribute().IsMatch(element.Value))
                {
                    continue;
                }

                found.Add(new(name, Attribute(element.Value, "value") ?? (type == "checkbox" ? "on" : "")));
            }
            else if (tag == "textarea")
            {
                found.Add(new(name, WebUtility.HtmlDecode(element.Groups["content"].Value).TrimStart('\r', '\n')));
            }
            else if (tag == "select")
            {
                var selected = SelectedOption().Match(element.Groups["content"].Value);
                var first = Option().Match(element.Groups["content"].Value);
                var option = selected.Success ? selected : first;
                if (option.Success)
                {
                    found.Add(new(name, Attribute(option.Value, "value") ?? ""));
                }
            }
        }

        return new HtmlForm(WebUtility.HtmlDecode(action), found);
    }

    public string? this[string name] => fields.FirstOrDefault(f => f.Key == name).Value;

    public IReadOnlyList<string> All(string name) => fields.Where(f => f.Key == name).Select(f => f.Value).ToList();

    /// <summary>Replaces every value of the field with the given ones (none removes it).</summary>
    public HtmlForm Set(string name, params string[] values)
    {
        var at = fields.FindIndex(f => f.Key == name);
        fields.RemoveAll(f => f.Key == name);
        var position = at < 0 ? fields.Count : Math.Min(at, fields.Count);
        fields.InsertRange(position, values.Select(v => new KeyValuePair<string, string>(name, v)));
        return this;
    }

    /// <summary>Replaces every value of the field with the given ids, as checkbox groups of locations and services post them.</summary>
    public HtmlForm Set(string name, IEnumerable<int> ids) =>
        Set(name, [.. ids.Select(id => id.ToString(CultureInfo.InvariantCulture))]);

    public Task<HttpResponseMessage> PostAsync(HttpClient client) =>
        client.PostAsync(Action, new FormUrlEncodedContent(fields));

    /// <summary>Posts a form the server is expected to refuse: the same page comes back (200, no redirect) with its messages.</summary>
    public async Task<string> PostRefusedAsync(HttpClient client)
    {
        var response = await PostAsync(client);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static string? Attribute(string tag, string name)
    {
        var match = Regex.Match(tag, $"\\s{name}=\"([^\"]*)\"");
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;
    }

    [GeneratedRegex("<form(?<attrs>[^>]*method=\"post\"[^>]*)>(?<body>.*?)</form>", RegexOptions.Singleline)]
    private static partial Regex PostForm();

    [GeneratedRegex("<(?<tag>input)\\b[^>]*>|<(?<tag>textarea|select)\\b[^>]*>(?<content>.*?)</(textarea|select)>", RegexOptions.Singleline)]
    private static partial Regex Element();

    [GeneratedRegex("\\schecked(=\"[^\"]*\")?[\\s>/]")]
    private static partial Regex CheckedAttribute();

    [GeneratedRegex("<option\\b[^>]*\\sselected(=\"[^\"]*\")?[^>]*>")]
    private static partial Regex SelectedOption();

    [GeneratedRegex("<option\\b[^>]*>")]
    private static partial Regex Option();
}
