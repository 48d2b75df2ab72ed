namespace AniPlanner.FunctionalTests.Readme;

/// <summary>The README's answer shapes hold real answers and refuse wrong ones: the walkthrough can fail.</summary>
public sealed class AnswerShapeTests
{
    private const string OutplanShape = """
        200 {"id": "...", "customer_id": "de300000-0000-4000-8000-000000000001", ..., "source": {"type": "tel",
           "target": "+15559876543", "target_name": "", "name": "", "detail": ""}, ..., "tm_delete": "9999-01-01 00:00:00.000000"}
        """;

    private const string Outplan = """
        {"id":"06274491-aa17-45c0-bffd-5180306c8fa1","customer_id":"de300000-0000-4000-8000-000000000001","name":"x","detail":"",
         "source":{"type":"tel","target":"+15559876543","target_name":"","name":"","detail":""},"dial_timeout":30000,
         "tm_create":"2026-11-24 15:24:32.700270","tm_update":"9999-01-01 00:00:00.000000","tm_delete":"9999-01-01 00:00:00.000000"}
        """;

    [Test]
    public void A_real_answer_has_the_shape_shown() =>
        Assert.That(AnswerShape.Parse(OutplanShape).Mismatches(Outplan), Is.Empty);

    [TestCase("""{"error":{"status":"NOT_FOUND","reason":"OUTPLAN_NOT_FOUND","message":"no","request_id":"1"}}""", "$ has no \"id\"")]
    [TestCase("""{"id":"1","customer_id":"2","source":{"type":"tel","target":"+1","target_name":"","name":""},"tm_delete":"x"}""", "$.source has no \"detail\"")]
    [TestCase("""{"id":"1","customer_id":"2","source":{"type":"tel","target":"+1","target_name":"","name":"","detail":"","extra":1},"tm_delete":"x"}""", "$.source has keys the README does not show: extra")]
    [TestCase("""{"id":1,"customer_id":"2","source":{"type":"tel","target":"+1","target_name":"","name":"","detail":""},"tm_delete":"x"}""", "$.id is a number")]
    [TestCase("""{"id":"1","customer_id":"2","source":null,"tm_delete":"x"}""", "$.source is null")]
    [TestCase("Healthy", "holds no JSON")]
    public void A_wrong_answer_is_named(string answer, string mismatch) =>
        Assert.That(AnswerShape.Parse(OutplanShape).Mismatches(answer), Has.Some.Contains(mismatch));

    [TestCase("""{"success": true, "data": {"upserted": 2, "rejected": []}}""", """{"success":true,"data":{"upserted":2,"rejected":[]}}""", true)]
    [TestCase("""{"success": true, "data": {"upserted": 2, "rejected": []}}""", """{"success":false,"message":"bad"}""", false)]
    [TestCase("""{"success": true, "data": {"upserted": 2, "rejected": []}}""", """{"success":true,"data":{"upserted":1,"rejected":[{"index":1}]}}""", false)]
    [TestCase("""{"result": [{"id": "...", ...}], "next_page_token": "..."}""", """{"result":[{"id":"a","x":1},{"id":"b"}],"next_page_token":""}""", true)]
    [TestCase("""{"result": [{"id": "...", ...}], "next_page_token": "..."}""", """{"result":[{"id":"a"},{"name":"b"}],"next_page_token":""}""", false)]
    [TestCase("""{"data": [..., {"ids": [6]}]}""", """{"data":[{"ids":[]},{"ids":[1,2]}]}""", true)]
    [TestCase("""{"data": [..., {"ids": [6]}]}""", """{"data":[{"ids":["1"]}]}""", false)]
    [TestCase("""{"id", "token", ...}""", """{"id":"1","token":"t","name":"n"}""", true)]
    [TestCase("""{"id", "token"}""", """{"id":"1","token":"t","name":"n"}""", false)]
    [TestCase("""{"a": [...], "b": ...}""", """{"a":[1,"x"],"b":{"c":null}}""", true)]
    [TestCase("""{"managed": true}""", """{"managed":false}""", true)]
    [TestCase("""{"managed": true}""", """{"managed":"true"}""", false)]
    [TestCase("Healthy", "Healthy\n", true)]
    [TestCase("Healthy", "Unhealthy\n", false)]
    public void Shapes_match_by_keys_and_kinds(string shape, string answer, bool matches) =>
        Assert.That(AnswerShape.Parse(shape).Mismatches(answer), matches ? Is.Empty : Is.Not.Empty);

    [Test]
    public void The_last_answer_of_several_printed_together_is_the_one_compared()
    {
        var shape = AnswerShape.Parse("""{"name": "second"}""");

        Assert.Multiple(() =>
        {
            Assert.That(shape.Mismatches("""{"id":"1"}{"name":"2"}"""), Is.Empty);
            Assert.That(shape.Mismatches("""{"name":"2"} then {"id":"1"}"""), Is.Not.Empty);
        });
    }

    [TestCase("""{"id": }""")]
    [TestCase("""{"id" "name"}""")]
    [TestCase("""[1, 2""")]
    public void A_shape_that_cannot_be_read_says_where(string shape) =>
        Assert.That(() => AnswerShape.Parse(shape), Throws.TypeOf<FormatException>().With.Message.Contains("at character"));

    [Test]
    public void Answers_are_read_over_comment_lines_until_their_brackets_close()
    {
        var block = new ShellBlock(10, [
            "curl -s x",
            "# -> {\"a\": 1,",
            "#     \"b\": [2]}",
            "# a plain comment",
            "echo hi",
            "# -> Healthy",
        ], SkipReason: null);

        var answers = ReadmeShellBlocks.Answers(block);

        Assert.That(answers.Select(answer => (answer.Line, answer.Shape, answer.LastLineIndex)), Is.EqualTo(new[]
        {
            (12, "{\"a\": 1, \"b\": [2]}", 2),
            (16, "Healthy", 5),
        }));
    }

    [Test]
    public void A_skip_marker_above_a_fence_gives_its_reason_and_a_malformed_one_is_refused()
    {
        var blocks = ReadmeShellBlocks.Parse("text\n<!-- readme-test: skip (needs Docker) -->\n```bash\ndocker ps\n```\n\n```sh\necho run\n```\n```json\n{}\n```\n");

        Assert.That(blocks.Select(block => (block.Line, block.SkipReason)), Is.EqualTo(new (int, string?)[] { (3, "needs Docker"), (7, null) }));
        Assert.That(() => ReadmeShellBlocks.Parse("<!-- readme-test: skip -->\n```bash\nls\n```\n"), Throws.TypeOf<FormatException>());
    }
}
