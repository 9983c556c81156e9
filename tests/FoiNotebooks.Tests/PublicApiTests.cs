using FoiKit.Notebooks;
using FoiKit.Tests;

namespace FoiNotebooks.Tests;

/// <summary>What the notebooks' project offers them (frames, chart HTML, force briefs, the lesson), approved in api/.</summary>
public class PublicApiTests
{
    [Fact]
    public void The_public_api_of_the_notebooks_project_is_the_approved_one() =>
        ApprovedApi.Check(typeof(Frames).Assembly, "tests/FoiNotebooks.Tests/api/FoiKit.Notebooks.approved.txt");
}
