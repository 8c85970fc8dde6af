namespace CourierCrm.Web.Imports;

/// <summary>
/// A file that cannot be imported at all (empty, binary, too wide, header only...). <see cref="TextKey"/>
/// names the ImportTexts entry that explains it in the reader's language; <see cref="Exception.Message"/>
/// is the English form for logs and API clients.
/// </summary>
public sealed class ImportFileException(string textKey, string message, params object[] arguments) : Exception(message)
{
    public string TextKey { get; } = textKey;
    public object[] Arguments { get; } = arguments;
}
