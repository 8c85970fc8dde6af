using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace CourierCrm.Web.Tests.Infrastructure;

/// <summary>An e-mail as a test SMTP server received it: envelope, and subject and body decoded from the MIME text.</summary>
public sealed record ReceivedEmail(string MailFrom, IReadOnlyList<string> RcptTo, string Raw)
{
    public string Subject => TestSmtpServer.Header(Raw, "Subject");
    public string Body => TestSmtpServer.DecodedBody(Raw);
}

/// <summary>
/// A small SMTP server on a free loopback port, for tests that send real e-mail over TCP: it speaks enough
/// SMTP (EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT) and records each message. No TLS, no login.
/// </summary>
public sealed partial class TestSmtpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<ReceivedEmail> _received = new();
    private readonly Task _accepting;

    public TestSmtpServer()
    {
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptAsync();
    }

    public int Port { get; }

    public IReadOnlyList<ReceivedEmail> Received => _received.ToArray();

    /// <summary>A loopback port nobody listens on: an SMTP server that is down.</summary>
    public static int ClosedPort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.ASCII);
        await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 test-smtp ready");
        string? from = null;
        var to = new List<string>();
        try
        {
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                var command = line.Length >= 4 ? line[..4].ToUpperInvariant() : line.ToUpperInvariant();
                switch (command)
                {
                    case "EHLO":
                        await writer.WriteLineAsync("250 test-smtp");
                        break;
                    case "HELO":
                        await writer.WriteLineAsync("250 test-smtp");
                        break;
                    case "MAIL":
                        from = Address(line);
                        to.Clear();
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "RCPT":
                        to.Add(Address(line));
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "DATA":
                        await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                        var data = new StringBuilder();
                        while (await reader.ReadLineAsync(_stop.Token) is { } dataLine && dataLine != ".")
                            data.Append(dataLine.StartsWith("..", StringComparison.Ordinal) ? dataLine[1..] : dataLine).Append("\r\n");
                        _received.Enqueue(new ReceivedEmail(from ?? "", to.ToList(), data.ToString()));
                        await writer.WriteLineAsync("250 OK queued");
                        break;
                    case "RSET":
                        (from, to) = (null, []);
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "NOOP":
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 Bye");
                        return;
                    default:
                        await writer.WriteLineAsync("502 Command not implemented");
                        break;
                }
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away or the server is stopping.
        }
    }

    private static string Address(string line)
    {
        var start = line.IndexOf('<');
        var end = line.IndexOf('>');
        return start >= 0 && end > start ? line[(start + 1)..end] : line[(line.IndexOf(':') + 1)..].Trim();
    }

    /// <summary>A header's value, unfolded, with RFC 2047 encoded words (=?utf-8?B?…?= / ?Q?) decoded.</summary>
    public static string Header(string raw, string name)
    {
        var headers = raw[..Math.Max(0, raw.IndexOf("\r\n\r\n", StringComparison.Ordinal))];
        var unfolded = Regex.Replace(headers, "\r\n[ \t]+", " ");
        var line = unfolded.Split("\r\n").FirstOrDefault(l => l.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase));
        if (line is null) return "";
        var value = line[(name.Length + 1)..].Trim();
        // Adjacent encoded words are joined before decoding: a character's bytes may be split across two.
        value = Regex.Replace(value, @"\?=\s+=\?", "?==?");
        var bytes = new List<byte>();
        var text = new StringBuilder();
        var at = 0;
        foreach (Match word in EncodedWord().Matches(value))
        {
            if (word.Index > at) { Flush(); text.Append(value[at..word.Index]); }
            bytes.AddRange(word.Groups[2].Value.Equals("B", StringComparison.OrdinalIgnoreCase)
                ? Convert.FromBase64String(word.Groups[3].Value)
                : QuotedPrintable(word.Groups[3].Value.Replace('_', ' ')));
            at = word.Index + word.Length;
        }
        Flush();
        text.Append(value[at..]);
        return text.ToString();

        void Flush()
        {
            if (bytes.Count == 0) return;
            text.Append(Encoding.UTF8.GetString(bytes.ToArray()));
            bytes.Clear();
        }
    }

    /// <summary>The body of a single-part message, decoded from base64 or quoted-printable as its header says.</summary>
    public static string DecodedBody(string raw)
    {
        var split = raw.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var body = raw[(split + 4)..];
        var encoding = Header(raw, "Content-Transfer-Encoding").ToLowerInvariant();
        var text = encoding switch
        {
            "base64" => Encoding.UTF8.GetString(Convert.FromBase64String(Regex.Replace(body, @"\s", ""))),
            "quoted-printable" => Encoding.UTF8.GetString(QuotedPrintable(Regex.Replace(body, "=\r\n", ""))),
            _ => body,
        };
        return text.TrimEnd();
    }

    private static byte[] QuotedPrintable(string text)
    {
        var bytes = new List<byte>();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '=' && i + 2 < text.Length && Uri.IsHexDigit(text[i + 1]) && Uri.IsHexDigit(text[i + 2]))
            {
                bytes.Add(Convert.ToByte(text.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(text[i].ToString()));
            }
        }
        return bytes.ToArray();
    }

    [GeneratedRegex(@"=\?([^?]+)\?([BbQq])\?([^?]*)\?=")]
    private static partial Regex EncodedWord();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
        _stop.Dispose();
    }
}
