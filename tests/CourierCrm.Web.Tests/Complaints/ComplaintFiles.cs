using System.IO.Compression;
using System.Net.Http.Headers;

namespace CourierCrm.Web.Tests.Complaints;

/// <summary>Builders for attachment uploads: the smallest real files of each kind, and the multipart body that carries one.</summary>
public static class ComplaintFiles
{
    public static byte[] Png(int extraBytes = 16) =>
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. new byte[extraBytes]];

    public static byte[] Jpeg(int size = 64) => [0xFF, 0xD8, 0xFF, 0xE0, .. new byte[Math.Max(0, size - 4)]];

    public static byte[] Pdf() => "%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<<>>\nendobj\n"u8.ToArray();

    /// <summary>A Windows program: "MZ" and nothing a photo starts with.</summary>
    public static byte[] Program() => [0x4D, 0x5A, 0x90, 0x00, .. new byte[60]];

    /// <summary>A zip package with one part, e.g. "word/document.xml" (a Word file) or "xl/workbook.xml" (an Excel file).</summary>
    public static byte[] OfficePackage(string part)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry(part).Open());
            writer.Write("<?xml version=\"1.0\"?><root/>");
        }
        return buffer.ToArray();
    }

    public static MultipartFormDataContent Upload(string fileName, byte[] content, string field = "file")
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return new MultipartFormDataContent { { file, field, fileName } };
    }
}
