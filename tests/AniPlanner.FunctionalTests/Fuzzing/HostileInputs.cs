namespace AniPlanner.FunctionalTests.Fuzzing;

/// <summary>
/// The fuzzer's catalogue of bad input, as raw text so that what is not valid JSON (1e400, NaN,
/// lone surrogates, raw control characters) reaches the service exactly as written.
/// </summary>
public static class HostileInputs
{
    /// <summary>The filler of huge strings; an error that reflects a run of it back has echoed a huge value whole.</summary>
    public const char HugeFiller = 'Z';

    public static string Huge(int length) => new(HugeFiller, length);

    /// <summary>JSON values of the wrong type for most fields.</summary>
    public static readonly string[] WrongTypes = ["\"30000\"", "true", "false", "[]", "{}", "null", "[1,2]", """{"a":1}""", "0", "\"x\"", "[null]", "[[]]"];

    public static readonly string[] Numbers =
    [
        "-1", "0", "-0", "1.5", "2147483647", "2147483648", "-2147483649", "9223372036854775807", "9223372036854775808",
        "-9223372036854775809", "1e308", "1e400", "-1e400", "1e-400", "0.0000001", "123456789012345678901234567890",
        "1E2", "18446744073709551616", new string('9', 5_000),
    ];

    /// <summary>Not JSON at all, in a value's place.</summary>
    public static readonly string[] NotJsonValues = ["NaN", "Infinity", "-Infinity", "0x10", "01", "+1", "undefined", "'single'", "\"unterminated", "tru", "nul", "1.", ".5", "--1"];

    public static readonly string[] Strings =
    [
        "\"\"", "\" \"", "\"\\u0000\"", "\"a\\u0000b\"", "\"\\ud800\"", "\"\\udc00\\ud800\"", "\"\\u202egnp.exe\"", "\"\\u200b\"",
        "\"Ω≈ç√∫ ｆｕｌｌ ١٢٣\"", "\"" + string.Concat(Enumerable.Repeat("😀", 300)) + "\"", "\"\\u0001\\u001f\\t\\n\\r\\b\\f\"",
        "\"tab\there\"", "\"line\nbreak\"", "\"' OR '1'='1\"", "\"'; DROP TABLE \\\"Outplans\\\"; --\"", "\"<script>alert(1)</script>\"",
        "\"${jndi:ldap://example.invalid/a}\"", "\"{{7*7}}\"", "\"%s%s%s%n\"", "\"../../../../etc/passwd\"", "\"\\\\\\\\server\\\\share\"",
        "\"a\\\"b\"", "\"+\"", "\"+0\"", "\"+999999999999999999999\"", "\"+1555987654" + new string('3', 400) + "\"", "\"9999-12-31\"",
        "\"0001-01-01\"", "\"2026-02-30\"", "\"-0001-01-01\"", "\"2026-05-04T10:00:00+25:00\"", "\"10000-01-01T00:00:00Z\"",
        "\"9999-12-31 23:59:59.999999\"", "\"0001-01-01 00:00:00.000000\"", "\"ADMIN\"", "\"Admin \"", "\"admin\\u0000\"",
        "\"" + Huge(300) + "\"", "\"" + Huge(5_000) + "\"", "\"" + Huge(200_000) + "\"",
    ];

    public static readonly string[] Structures =
    [
        new string('[', 64) + new string(']', 64),
        new string('[', 5_000) + new string(']', 5_000),
        string.Concat(Enumerable.Repeat("{\"a\":", 100)) + "1" + new string('}', 100),
        "[" + string.Join(",", Enumerable.Repeat("\"x\"", 20_000)) + "]",
        "[" + string.Join(",", Enumerable.Repeat("null", 1_000)) + "]",
        "[1,\"a\",null,true,{},[]]",
    ];

    /// <summary>Whole bodies, whatever the endpoint expects.</summary>
    public static readonly string[] Bodies =
    [
        "", " ", "null", "true", "0", "\"x\"", "[]", "{}", "{", "}", "[", "{\"a\":", "{\"a\" 1}", "{'a':1}", "{\"a\":1,}", "[1,]",
        "/* comment */ {}", "{}{}", "{} x", "NaN", "\u0000", "<xml/>", "a=1&b=2", "[=1&a[b=2&]=3", "--boundary\r\n\r\n--boundary--",
        new string('{', 10_000), new string('[', 100_000),
    ];

    /// <summary>
    /// Values for path segments (escaped when put in the URL). No NUL: Kestrel refuses a path
    /// holding one before the service sees it, and the in-memory test server throws instead.
    /// </summary>
    public static readonly string[] PathSegments =
    [
        "not-a-uuid", "00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff", " ", "%00", "..", "../..",
        "'; DROP TABLE \"Users\"; --", "<script>", "😀", "ü", "{id}", "d5fb7357-7ddb-4f2d-87b5-8ccbfd6c039e ", "{d5fb7357-7ddb-4f2d-87b5-8ccbfd6c039e}",
        "D5FB7357-7DDB-4F2D-87B5-8CCBFD6C039E", "d5fb73577ddb4f2d87b58ccbfd6c039e", "(d5fb7357-7ddb-4f2d-87b5-8ccbfd6c039e)", Huge(2_000), "a/b", "a;b",
        "-1", "0", "9223372036854775808", "\u202e", "null", "true",
    ];

    public static readonly string[] QueryValues =
    [
        "", " ", "abc", "-1", "0", "1", "100", "101", "2147483648", "99999999999999999999", "1e3", "1.5", "NaN", " 5", "５", "0x10",
        "2022-04-28 01:50:23.414000", "2022-13-45 99:99:99.999999", "9999-12-31 23:59:59.999999", "0001-01-01 00:00:00.000000",
        "10000-01-01 00:00:00.000000", "'; DROP TABLE \"Outplans\"; --", "<script>alert(1)</script>", "\u0000", "😀", "uk", "US", "xx",
        Huge(3_000),
    ];

    public static readonly string[] ForgedTokens =
    [
        "anip_0000000000000000000000000000", "anip_", "not-a-token", "anip_demo_2f6c1e0b7a9d4c38", "test-admin-key-5f0c-0123456789abcde",
        "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiIwMDAwMDAwMC0wMDAwLTAwMDAtMDAwMC0wMDAwMDAwMDAwMDAifQ.",
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl", "a.b.c", "..", "' OR '1'='1", "\u00e9\u00e8", Huge(10_000),
    ];

    public static readonly string[] ContentTypes =
    [
        "text/plain", "application/xml", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "application/problem+json",
        "text/json", "application/json; charset=utf-16", "application/json; charset=utf-32", "application/json; charset=iso-8859-1",
        "application/json; charset=bogus", "application/json; charset=\"utf-8\"", "application/json; charset=UTF8", "application/json; charset=",
        "application/json; charset=us-ascii", "*/*", "application/", "application/json;;;", "application/json; a=\"unterminated", "text/csv; charset=utf-16",
        "application/x-ndjson", "text/csv", "application/octet-stream", "application/json; " + Huge(3_000) + "=1",
    ];

    /// <summary>Header names and values a client should not send, or sends wrong.</summary>
    public static readonly (string Name, string Value)[] OddHeaders =
    [
        ("X-Request-Id", Huge(5_000)), ("X-Request-Id", "<script>alert(1)</script>"), ("X-Request-Id", "../../x"), ("Accept", "text/html"),
        ("Accept", "application/xml"), ("Accept", "*/*;q=0"), ("Accept-Charset", "utf-16"), ("Content-Encoding", "gzip"), ("Content-Encoding", "br"),
        ("X-HTTP-Method-Override", "DELETE"), ("Expect", "100-continue"), ("If-Match", "\"x\""), ("Range", "bytes=0-1"), ("Origin", "https://evil.example"),
        ("Cookie", "a=" + Huge(2_000)), ("X-Forwarded-For", "' OR 1=1 --"), ("X-Forwarded-Proto", "gopher"), ("Accept-Language", "xx-" + Huge(1_000)),
        ("Authorization", "Basic Zm9vOmJhcg=="), ("Authorization", "Bearer"), ("Authorization", "bearer " + Huge(3_000)), ("Authorization", "Bearer a b c"),
    ];
}
