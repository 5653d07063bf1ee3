namespace CounterApp.Web.Data;

/// <summary>Where the counter keeps its data. The embedded default is one SQLite file in the data folder.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>The data folder; relative paths are taken from the working directory. `./build.sh run` passes the repo's data/.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>The SQLite file name inside <see cref="DataDirectory"/>.</summary>
    public string FileName { get; set; } = "counterapp.db";

    public string FilePath => Path.GetFullPath(Path.Combine(DataDirectory, FileName));
}
