using FoiKit.Model;

namespace FoiKit.Tests;

/// <summary>The core is internal by default; what it offers is approved in api/FoiKit.approved.txt.</summary>
public class PublicApiTests
{
    [Fact]
    public void The_public_api_of_the_core_is_the_approved_one() =>
        ApprovedApi.Check(typeof(Observation).Assembly, "tests/FoiKit.Tests/api/FoiKit.approved.txt");
}
