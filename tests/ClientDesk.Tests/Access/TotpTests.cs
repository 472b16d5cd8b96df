namespace ClientDesk.Tests.Access;

public sealed class TotpTests
{
    [Fact]
    public void The_test_code_generator_matches_the_rfc_6238_test_vectors()
    {
        // RFC 6238 appendix B, SHA-1: key "12345678901234567890" (base32 GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ), last six digits.
        const string key = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

        Assert.Equal("287082", Totp.Code(key, DateTimeOffset.FromUnixTimeSeconds(59)));
        Assert.Equal("081804", Totp.Code(key, DateTimeOffset.FromUnixTimeSeconds(1111111109)));
        Assert.Equal("279037", Totp.Code(key, DateTimeOffset.FromUnixTimeSeconds(2000000000)));
    }
}
