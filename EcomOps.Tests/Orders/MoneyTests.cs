using EcomOps.Domain.Orders;

namespace EcomOps.Tests.Orders;

public sealed class MoneyTests
{
    [Theory]
    [InlineData("0", 0L)]
    [InlineData("12.3", 1230L)]
    [InlineData("1234.50", 123450L)]
    [InlineData("1,234.50", 123450L)]
    [InlineData("1,299", 129900L)]
    [InlineData("¥12.30", 1230L)]
    [InlineData("￥ 1,000.00", 100000L)]
    [InlineData("  59.00 ", 5900L)]
    [InlineData("1.500", 150L)]
    [InlineData("10000000.00", 1_000_000_000L)]
    public void Amounts_as_people_and_exports_write_them_are_read_to_the_cent(string text, long cents)
    {
        Assert.True(Money.TryParse(text, out var read, out var problem));
        Assert.Equal((cents, (string?)null), (read, problem));
    }

    [Theory]
    [InlineData("1.005", "AmountFormat")]
    [InlineData("0.125", "AmountFormat")]
    [InlineData("", "AmountFormat")]
    [InlineData("abc", "AmountFormat")]
    [InlineData("1,23.00", "AmountFormat")]
    [InlineData("12,34", "AmountFormat")]
    [InlineData("1.2.3", "AmountFormat")]
    [InlineData("5.", "AmountFormat")]
    [InlineData("1e3", "AmountFormat")]
    [InlineData("-5", "AmountNegative")]
    [InlineData("¥-5.00", "AmountNegative")]
    [InlineData("10000000.01", "AmountTooLarge")]
    [InlineData("99999999999999999999999999999999", "AmountTooLarge")]
    public void More_than_two_decimals_and_other_non_amounts_are_refused_with_the_reason_never_rounded(string text, string code)
    {
        Assert.False(Money.TryParse(text, out var cents, out var problem));
        Assert.Equal((0L, code), (cents, problem));
    }

    [Fact]
    public void A_number_already_read_follows_the_same_rule_and_is_never_rounded()
    {
        Assert.True(Money.TryFromDecimal(19.90m, out var cents, out _));
        Assert.Equal(1990, cents);
        // Banker's rounding made 1.005 into 1.00 and 0.125 into 0.12; neither is what anybody typed.
        Assert.Equal("AmountFormat", Refusal(1.005m));
        Assert.Equal("AmountFormat", Refusal(0.125m));
        Assert.Equal("AmountNegative", Refusal(-0.01m));
        Assert.Equal("AmountTooLarge", Refusal(10_000_000.01m));

        static string? Refusal(decimal amount) => Money.TryFromDecimal(amount, out _, out var problem) ? null : problem;
    }

    [Fact]
    public void Cents_are_written_as_yuan_with_two_decimals_in_every_language()
    {
        Assert.Equal(("1309.00", "0.05", "0.00"), (Money.Format(130900), Money.Format(5), Money.Format(0)));
    }
}
