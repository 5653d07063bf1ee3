namespace CounterApp.Web;

/// <summary>Marker for the UI's text resources: Resources/UiText.resx (Japanese) and Resources/UiText.en.resx.</summary>
public sealed class UiText;
