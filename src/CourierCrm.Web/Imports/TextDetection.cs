using System.Text;

namespace CourierCrm.Web.Imports;

/// <summary>
/// Which text encoding a CSV file is in, decided by its content, never its name: a UTF-8 byte-order
/// mark or valid UTF-8 throughout means UTF-8; otherwise GBK as Excel on Chinese Windows writes it
/// (read as GB18030, its superset); bytes that are neither, or NUL bytes, mean the file is not text.
/// </summary>
public static class TextDetection
{
    public const string Utf8 = "UTF-8";
    public const string Utf8Bom = "UTF-8 BOM";
    public const string Gbk = "GBK";

    private const int GbkCodePage = 54936; // GB18030

    static TextDetection() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>The encoding to read a file named by <see cref="Detect"/>.</summary>
    public static Encoding EncodingOf(string name) => name == Gbk
        ? Encoding.GetEncoding(GbkCodePage)
        : new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <summary>
    /// Reads the whole file once (a few hundred milliseconds for 200 MB): a file that is UTF-8 for its
    /// first megabyte and GBK further down must not be read as UTF-8 and fill the database with "�".
    /// </summary>
    public static string Detect(Stream stream)
    {
        var head = new byte[4];
        var headLength = stream.ReadAtLeast(head, 4, throwOnEndOfStream: false);
        stream.Position = 0;
        if (headLength >= 2 && (head[0], head[1]) is (0xFF, 0xFE) or (0xFE, 0xFF))
            throw new ImportFileException("File.Utf16", "The file is UTF-16 text; save it as CSV UTF-8 (or as .xlsx) and upload it again.");
        var bom = headLength >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF;

        if (IsValid(stream, new UTF8Encoding(false, throwOnInvalidBytes: true))) return bom ? Utf8Bom : Utf8;
        if (!bom && IsValid(stream, Encoding.GetEncoding(GbkCodePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback))) return Gbk;
        throw new ImportFileException("File.Binary", "The file is neither an Excel workbook (.xlsx) nor text in UTF-8 or GBK: it looks like binary data.");
    }

    private static bool IsValid(Stream stream, Encoding encoding)
    {
        stream.Position = 0;
        var decoder = encoding.GetDecoder();
        var bytes = new byte[1 << 16];
        var chars = new char[encoding.GetMaxCharCount(bytes.Length)];
        var controls = 0L;
        var total = 0L;
        try
        {
            int read;
            while ((read = stream.Read(bytes, 0, bytes.Length)) > 0)
            {
                var count = decoder.GetChars(bytes, 0, read, chars, 0, flush: false);
                for (var i = 0; i < count; i++)
                {
                    var c = chars[i];
                    // NUL never appears in a text table; other control characters rarely do.
                    if (c == '\0') return false;
                    if (c < ' ' && c is not ('\t' or '\r' or '\n' or '\f')) controls++;
                }
                total += count;
                if (total > 4096 && controls * 100 > total) return false;
            }
            decoder.GetChars([], 0, 0, chars, 0, flush: true);
            return controls * 100 <= Math.Max(total, 100);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
        finally
        {
            stream.Position = 0;
        }
    }
}
