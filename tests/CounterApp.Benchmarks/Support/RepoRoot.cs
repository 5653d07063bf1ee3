namespace CounterApp.Benchmarks.Support;

internal static class RepoRoot
{
    /// <summary>The folder holding CounterApp.sln, found upwards from this program's own folder.</summary>
    public static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CounterApp.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No CounterApp.sln above {AppContext.BaseDirectory}.");
    }
}
