using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using CounterApp.Web.Data.Entities;
using CounterApp.Web.Tests.Features.RegisterSync;
using CounterApp.Web.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace CounterApp.Web.Tests.Hosting;

/// <summary>
/// R-X-03 as a table: every route the app maps (read from its endpoint data source, so a new route is covered without
/// touching this test) gets malformed route values, malformed query values and, for every form its pages render,
/// malformed form posts, as each kind of caller. No answer may be a 5xx, and nothing may be saved.
/// </summary>
public sealed partial class MalformedInputTests(RegisterSyncAppFactory app, ITestOutputHelper output) : IClassFixture<RegisterSyncAppFactory>
{
    /// <summary>Route values, as path text (already escaped where needed).</summary>
    private static readonly string[] RouteValues =
    [
        // No %00 here: the in-memory test server refuses a path with a NUL before sending it (Kestrel answers 400 to one);
        // the query and form tables send NUL.
        "0", "-1", "99999999999999999999", "9223372036854775808", "abc", "1.5", "0001-01-01", "9999-12-31", "%07",
        "%E3%80%80", "%2F%5C", "%5C", "%ZZ", "%C3%28", "%EF%BC%91", "00000000-0000-0000-0000-000000000000", new string('a', 3000),
    ];

    /// <summary>Query values, as query text (already escaped where needed).</summary>
    private static readonly string[] QueryValues =
    [
        "", "0", "-1", "99999999999999999999", "abc", "1.5", "0001-01-01", "9999-12-31", "%07", "%00", "%E3%80%80", "%2F%5C",
        "/%5C/evil.example", "%ZZ", "%C3%28", "%EF%BC%91", "tru", new string('a', 3000),
    ];

    /// <summary>
    /// Form values (the form encoder escapes them). A field with a shape (number, date, choice, hidden value) gets each;
    /// a free-text field only those no text field may take (control characters, only a full-width space, far too long),
    /// since "abc" or "-1" is a fine name or note.
    /// </summary>
    private static readonly string[] FormValues =
    [
        // Not "0" nor full-width digits: a count or a sort order may be 0, and full-width digits are read as digits on purpose.
        "", "\0", "\u0007", "\u3000", "/\\", "-1", "99999999999999999999", "abc", "1.5", "0001-01-01", "9999-12-31", "%ZZ",
        "<script>x</script>", "tru", new string('あ', 3000),
    ];

    private static readonly HashSet<string> BadForFreeText = ["\0", "\u0007", "\u3000", new string('あ', 3000)];

    /// <summary>Form values for one field at a time (the others keep what the page put there).</summary>
    private static readonly string[] FieldValues = ["\0", "\u3000", "abc", "-1", "99999999999999999999", "0001-01-01", "9999-12-31", new string('あ', 3000)];

    /// <summary>Raw bodies for the routes that only take a POST (APIs): not UTF-8, not an object, not CSV.</summary>
    private static readonly (byte[] Body, string Type)[] RawBodies =
    [
        ([.. "{\"eventId\":\""u8, 0xC3, 0x28, 0xFF, .. "\",\"kind\":\"Died\"}"u8], "application/json"),
        ([0xC3, 0x28, 0xFF, (byte)',', 0x80], "text/csv"),
        ("[1,2,3]"u8.ToArray(), "application/json"),
        ("\u0000,\u3000\r\n\"unterminated"u8.ToArray(), "text/csv"),
    ];

    /// <summary>Query names pages commonly read, besides every [SupplyParameterFromQuery] name found in the app.</summary>
    private static readonly string[] CommonQueryNames = ["id", "page", "day", "from", "to", "q", "resident", "office", "done", "step", "dryRun", "ReturnUrl", "returnUrl", "redirect"];

    /// <summary>Sample values for route parameters, so pages behind them render their forms: by the segment before the parameter.</summary>
    private static readonly Dictionary<string, string> SampleQueries = new(StringComparer.OrdinalIgnoreCase)
    {
        ["residents"] = "SELECT id FROM residents ORDER BY id LIMIT 1",
        ["applications"] = "SELECT lower(id) FROM applications ORDER BY id LIMIT 1",
        ["receipts"] = "SELECT id FROM receipts ORDER BY id LIMIT 1",
        ["certificates"] = "SELECT id FROM certificates ORDER BY id LIMIT 1",
        ["staff"] = "SELECT id FROM asp_net_users ORDER BY user_name LIMIT 1",
        ["counters"] = "SELECT id FROM counters ORDER BY id LIMIT 1",
        ["ca"] = "SELECT id FROM ca_certificates ORDER BY id LIMIT 1",
        ["crl"] = "SELECT id FROM ca_certificates ORDER BY id LIMIT 1",
    };

    /// <summary>Sample values by parameter name, when the segment before it says nothing.</summary>
    private static readonly Dictionary<string, string> SampleByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["day"] = "2026-11-24",
        ["name"] = "ja-JP",
        ["Service"] = "unlock",
        ["Rule"] = "R-ID-03",
        ["request"] = "MAA%3D",
    };

    /// <summary>Signing out ends the caller's session, so its route and its form are probed after everything else.</summary>
    private const string SignOutPath = "/account/logout";

    private readonly ConcurrentBag<string> _failures = [];
    private int _sent;

    [Fact(Timeout = 900_000)]
    [Trait("Rule", "R-X-03")]
    public async Task EveryRouteAndForm_WhenMalformedInput_AnswersNo5xxAndSavesNothing()
    {
        var started = DateTime.UtcNow;
        var callers = new List<Caller> { new("anonymous", app.CreateClient()), new("register-system", app.CreateAuthorizedClient()) };
        foreach (var role in StaffRoles.All)
        {
            callers.Add(new Caller(role, await StaffSignIn.SignInAsync(app, role)));
        }

        var routes = Routes();
        var queryNames = QueryNames();
        var samples = await SamplesAsync();
        output.WriteLine($"{routes.Count} routes, {queryNames.Count} query names: {string.Join(", ", queryNames)}");

        var before = await SnapshotAsync();
        await Task.WhenAll(callers.Select(caller => ProbeRoutesAsync(caller, routes.Where(r => r.Pattern != SignOutPath), queryNames, samples)));
        var saved = Changes(before, await SnapshotAsync()).Select(c => "after the route and query probes: " + c).ToList();

        // Forms one after another, so whatever one saves is put down to it.
        var signOuts = new List<(Caller Caller, Form Form)>();
        var forms = 0;
        foreach (var caller in callers)
        {
            foreach (var form in await FormsAsync(caller, routes, samples))
            {
                if (form.Action.StartsWith(SignOutPath, StringComparison.OrdinalIgnoreCase))
                {
                    signOuts.Add((caller, form)); // posted last: signing out is what it is for, and it ends this caller's session
                    continue;
                }

                forms++;
                var ahead = await SnapshotAsync();
                await ProbeFormAsync(caller, form, null);
                var changes = Changes(ahead, await SnapshotAsync()).ToList();
                if (changes.Count > 0)
                {
                    // Again, one post at a time, to name the post that saved something.
                    await ProbeFormAsync(caller, form, async (body, post) =>
                    {
                        var prior = await SnapshotAsync();
                        await post();
                        saved.AddRange(Changes(prior, await SnapshotAsync()).Select(c => $"{caller.Role} {form.Action} body {Shorten(body)}: {c}"));
                    });
                }
            }
        }

        var after = await SnapshotAsync();
        foreach (var (caller, form) in signOuts.DistinctBy(s => s.Caller.Role))
        {
            await ProbeFormAsync(caller, form, null);
        }

        await Task.WhenAll(callers.Select(caller => ProbeRoutesAsync(caller, routes.Where(r => r.Pattern == SignOutPath), queryNames, samples)));

        foreach (var caller in callers)
        {
            caller.Client.Dispose();
        }

        output.WriteLine($"{forms} forms");
        output.WriteLine($"{_sent} requests sent in {(DateTime.UtcNow - started).TotalSeconds:F0} s, 5xx: {_failures.Count}");
        foreach (var failure in _failures.Order(StringComparer.Ordinal))
        {
            output.WriteLine(failure);
        }

        foreach (var change in saved)
        {
            output.WriteLine("saved: " + change);
        }

        Assert.True(_failures.IsEmpty, $"{_failures.Count} of {_sent} requests answered 5xx; first: {_failures.Order(StringComparer.Ordinal).FirstOrDefault()}");
        Assert.True(saved.Count == 0, "Saved by malformed input: " + string.Join("; ", saved));
        Assert.Empty(Changes(before, after));
    }

    private sealed record Caller(string Role, HttpClient Client);

    private sealed record Route(string Pattern, RoutePattern Parsed, bool Get, bool Post, bool StaticAsset, IReadOnlyList<string> OwnQueryNames);

    private sealed record Form(string Action, IReadOnlyList<KeyValuePair<string, string>> Defaults, IReadOnlyList<(string Name, bool FreeText)> Fields)
    {
        public string Handler => Defaults.FirstOrDefault(f => f.Key == "_handler").Value ?? string.Empty;
    }

    /// <summary>Every route endpoint the running app maps, one per pattern, with its methods and the query names its page reads.</summary>
    private List<Route> Routes()
    {
        _ = app.Server; // the endpoint data sources fill when the host starts
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        return [.. endpoints
            .GroupBy(e => e.RoutePattern.RawText ?? string.Empty, StringComparer.Ordinal)
            .Where(g => g.Key.Length > 0)
            .Select(g =>
            {
                var methods = g.SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET", "POST"]).ToHashSet(StringComparer.OrdinalIgnoreCase);
                var component = g.Select(e => e.Metadata.GetMetadata<ComponentTypeMetadata>()?.Type).FirstOrDefault(t => t is not null);
                var staticAsset = g.Any(e => e.Metadata.Any(m => m.GetType().FullName?.Contains("StaticAsset", StringComparison.Ordinal) == true));
                return new Route(g.Key, g.First().RoutePattern, methods.Contains("GET"), methods.Contains("POST"), staticAsset, component is null ? [] : QueryNamesOf(component));
            })
            .OrderBy(r => r.Pattern, StringComparer.Ordinal)];
    }

    /// <summary>Every [SupplyParameterFromQuery] name in the app, plus the common ones.</summary>
    private static List<string> QueryNames() =>
    [
        .. typeof(Program).Assembly.GetTypes().Where(t => typeof(IComponent).IsAssignableFrom(t)).SelectMany(QueryNamesOf)
            .Concat(CommonQueryNames).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal),
    ];

    private static List<string> QueryNamesOf(Type component) =>
    [
        .. component.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            .Select(p => (p.Name, Attribute: p.GetCustomAttribute<SupplyParameterFromQueryAttribute>()))
            .Where(p => p.Attribute is not null)
            .Select(p => p.Attribute!.Name ?? p.Name),
    ];

    private async Task ProbeRoutesAsync(Caller caller, IEnumerable<Route> routes, List<string> queryNames, Dictionary<string, string> samples)
    {
        var index = 0;
        foreach (var route in routes)
        {
            var method = route.Get ? HttpMethod.Get : HttpMethod.Post;
            var parameters = route.Parsed.Parameters.Select(p => p.Name).ToList();
            var path = Fill(route.Parsed, samples, null, null);
            if (route.StaticAsset)
            {
                // Files: one request each, with every query name set to one malformed value.
                await SendAsync(caller, method, path + "?" + AllNames(queryNames, QueryValues[index++ % QueryValues.Length]), null);
                continue;
            }

            await SendAsync(caller, method, path, method == HttpMethod.Post ? Garbage(["x"], "abc") : null);
            if (method == HttpMethod.Post)
            {
                // An API's own bodies: bytes that are not UTF-8, as JSON and as CSV, and JSON that is not an object.
                foreach (var (body, type) in RawBodies)
                {
                    var raw = new ByteArrayContent(body);
                    raw.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(type);
                    await SendAsync(caller, method, path, raw);
                    await SendAsync(caller, method, path + "?dryRun=false", new ByteArrayContent(body) { Headers = { ContentType = new(type) } });
                }
            }

            foreach (var parameter in parameters)
            {
                foreach (var value in RouteValues)
                {
                    await SendAsync(caller, method, Fill(route.Parsed, samples, parameter, value), method == HttpMethod.Post ? Garbage(["x"], "abc") : null);
                }
            }

            foreach (var value in QueryValues)
            {
                var names = queryNames.ToList();
                await SendAsync(caller, method, path + "?" + AllNames(names, value), method == HttpMethod.Post ? Garbage(names, "abc") : null);
            }

            // The page's own query names one at a time: a page that stops at its first bad value must still read each.
            foreach (var name in route.OwnQueryNames)
            {
                foreach (var value in QueryValues)
                {
                    await SendAsync(caller, method, path + "?" + name + "=" + value, null);
                }
            }
        }
    }

    /// <summary>The forms on every page this caller can open, one per action and handler, with their fields and what the page filled in.</summary>
    private async Task<List<Form>> FormsAsync(Caller caller, List<Route> routes, Dictionary<string, string> samples)
    {
        var forms = new Dictionary<string, Form>(StringComparer.Ordinal);
        foreach (var route in routes.Where(r => r.Get && !r.StaticAsset))
        {
            var path = Fill(route.Parsed, samples, null, null);
            Interlocked.Increment(ref _sent);
            using var response = await caller.Client.GetAsync(new Uri(path, UriKind.Relative));
            if ((int)response.StatusCode >= 500)
            {
                _failures.Add($"{caller.Role} GET {path} → {(int)response.StatusCode}");
                continue;
            }

            if (response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }

            var at = response.RequestMessage?.RequestUri?.PathAndQuery ?? path;
            foreach (var (action, defaults, fields) in HtmlForms.Read(await response.Content.ReadAsStringAsync(), at))
            {
                var form = new Form(action, defaults, fields);
                var key = form.Action.Split('?')[0] + "#" + form.Handler;
                if (!forms.ContainsKey(key))
                {
                    forms[key] = form;
                }
            }
        }

        return [.. forms.Values];
    }

    /// <summary>Posts malformed values to <paramref name="form"/>; <paramref name="around"/>, when given, wraps each post (with its body).</summary>
    private async Task ProbeFormAsync(Caller caller, Form form, Func<string, Func<Task>, Task>? around)
    {
        var kept = new HashSet<string>([HtmlForms.Token, "_handler"], StringComparer.Ordinal);
        var posts = new List<List<KeyValuePair<string, string>>>();
        foreach (var value in FormValues)
        {
            // Every field at once: the value where it is malformed, what the page put there elsewhere.
            var all = form.Fields.Where(f => !kept.Contains(f.Name)).Select(f => (f.Name, Bad: !f.FreeText || BadForFreeText.Contains(value))).ToList();
            if (all.Any(f => f.Bad))
            {
                posts.Add([.. form.Defaults.Where(d => kept.Contains(d.Key) || !all.Any(f => f.Bad && f.Name == d.Key))
                    .Concat(all.Where(f => f.Bad).Select(f => new KeyValuePair<string, string>(f.Name, value)))]);
            }
        }

        foreach (var (field, freeText) in form.Fields)
        {
            foreach (var value in FieldValues.Where(v => !freeText || BadForFreeText.Contains(v)))
            {
                posts.Add([.. form.Defaults.Where(f => f.Key != field).Append(new KeyValuePair<string, string>(field, value))]);
            }
        }

        foreach (var fields in posts)
        {
            Task Post() => SendAsync(caller, HttpMethod.Post, form.Action, new FormUrlEncodedContent(fields));
            if (around is null)
            {
                await Post();
            }
            else
            {
                await around(string.Join("&", fields.Where(f => f.Key != HtmlForms.Token).Select(f => f.Key + "=" + Uri.EscapeDataString(f.Value))), Post);
            }
        }
    }

    private async Task SendAsync(Caller caller, HttpMethod method, string url, HttpContent? content)
    {
        Interlocked.Increment(ref _sent);
        var shown = url.Length > 120 ? url[..120] + "…" : url;
        try
        {
            using var request = new HttpRequestMessage(method, new Uri(url, UriKind.Relative)) { Content = content };
            using var response = await caller.Client.SendAsync(request);
            if ((int)response.StatusCode >= 500)
            {
                var body = content is FormUrlEncodedContent ? " body " + Shorten(await content.ReadAsStringAsync()) : string.Empty;
                _failures.Add($"{caller.Role} {method} {shown}{body} → {(int)response.StatusCode}");
            }
        }
        catch (HttpRequestException e)
        {
            _failures.Add($"{caller.Role} {method} {shown} → threw {e.GetType().Name}: {e.Message}");
        }
        catch (InvalidOperationException e)
        {
            // The in-memory server rethrows what escapes the app once the response has started.
            _failures.Add($"{caller.Role} {method} {shown} → threw {e.GetType().Name}: {e.Message}");
        }
        finally
        {
            content?.Dispose();
        }
    }

    private static IEnumerable<string> Changes(SortedDictionary<string, string> before, SortedDictionary<string, string> after) =>
        before.Keys.Union(after.Keys).Where(t => before.GetValueOrDefault(t) != after.GetValueOrDefault(t))
            .Select(t => $"{t} ({before.GetValueOrDefault(t)} → {after.GetValueOrDefault(t)})");

    private static string Shorten(string text) => text.Length > 160 ? text[..160] + "…" : text;

    private static FormUrlEncodedContent Garbage(IEnumerable<string> names, string value) =>
        new(names.Select(n => new KeyValuePair<string, string>(n, value)));

    private static string AllNames(IEnumerable<string> names, string value) => string.Join("&", names.Select(n => n + "=" + value));

    /// <summary>The path of <paramref name="pattern"/> with sample values, and <paramref name="value"/> for <paramref name="parameter"/>.</summary>
    private static string Fill(RoutePattern pattern, Dictionary<string, string> samples, string? parameter, string? value)
    {
        var path = new StringBuilder();
        string? previous = null;
        foreach (var segment in pattern.PathSegments)
        {
            path.Append('/');
            foreach (var part in segment.Parts)
            {
                switch (part)
                {
                    case RoutePatternLiteralPart literal:
                        path.Append(literal.Content);
                        previous = literal.Content;
                        break;
                    case RoutePatternParameterPart p when p.Name == parameter:
                        path.Append(value);
                        break;
                    case RoutePatternParameterPart p:
                        path.Append(previous is not null && samples.TryGetValue(previous, out var sample) ? sample
                            : SampleByName.TryGetValue(p.Name, out var named) ? named
                            : p.ParameterPolicies.Any(x => x.Content == "guid") ? Guid.Empty.ToString() : "1");
                        break;
                    default:
                        break;
                }
            }
        }

        return path.Length == 0 ? "/" : path.ToString();
    }

    /// <summary>Ids from the demo data for the route parameters (an application, a receipt… where the demo town has one).</summary>
    private async Task<Dictionary<string, string>> SamplesAsync()
    {
        var samples = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        await using var connection = await OpenAsync();
        foreach (var (segment, sql) in SampleQueries)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            if (await command.ExecuteScalarAsync() is { } id)
            {
                samples[segment] = Convert.ToString(id, CultureInfo.InvariantCulture)!;
            }
        }

        return samples;
    }

    /// <summary>
    /// Per table: its row count and a hash of its rows. Left out: the audit trail (it records the refusals and sign-ins,
    /// as it must), and the staff accounts' sign-in bookkeeping: the content (not the count) of the accounts (failed tries,
    /// stamps) and their tokens (an authenticator key is made when the two-factor page is first shown).
    /// </summary>
    private async Task<SortedDictionary<string, string>> SnapshotAsync()
    {
        var snapshot = new SortedDictionary<string, string>(StringComparer.Ordinal);
        await using var connection = await OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT IN ('audit_entries', 'asp_net_user_tokens') ORDER BY name";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await command.ExecuteReaderAsync();
            var rows = new List<string>();
            while (await reader.ReadAsync())
            {
                var values = new object[reader.FieldCount];
                reader.GetValues(values);
                rows.Add(string.Join("\u001f", values.Select(v => v is byte[] b ? Convert.ToHexString(b) : Convert.ToString(v, CultureInfo.InvariantCulture))));
            }

            rows.Sort(StringComparer.Ordinal);
            var hash = table == "asp_net_users" ? "-" : Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\u001e", rows))))[..16];
            snapshot[table] = $"{rows.Count} rows {hash}";
        }

        return snapshot;
    }

    private async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection($"Data Source={Path.Combine(app.DataDirectory, "counterapp.db")};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        return connection;
    }
}
