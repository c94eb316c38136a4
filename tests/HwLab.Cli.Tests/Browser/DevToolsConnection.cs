using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace HwLab.Cli.Tests.Browser;

/// <summary>
/// A Chrome DevTools Protocol connection over the browser's WebSocket: commands with ids and their
/// replies, and every event kept in arrival order for the test to inspect.
/// </summary>
internal sealed class DevToolsConnection : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonObject>> _pending = new();
    private readonly ConcurrentQueue<JsonObject> _events = new();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private Task? _reader;
    private int _nextId;

    public IEnumerable<JsonObject> Events => _events;

    public static async Task<DevToolsConnection> ConnectAsync(Uri endpoint, CancellationToken cancellation)
    {
        var connection = new DevToolsConnection();
        connection._socket.Options.KeepAliveInterval = TimeSpan.Zero;
        await connection._socket.ConnectAsync(endpoint, cancellation);
        connection._reader = Task.Run(connection.ReadLoopAsync, CancellationToken.None);
        return connection;
    }

    /// <summary>Sends a command (to a page when <paramref name="sessionId"/> is given) and returns its result, or throws with the protocol's error.</summary>
    public async Task<JsonObject> SendAsync(string method, JsonObject? parameters = null, string? sessionId = null, CancellationToken cancellation = default)
    {
        int id = Interlocked.Increment(ref _nextId);
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters ?? [] };
        if (sessionId is not null)
        {
            message["sessionId"] = sessionId;
        }
        var reply = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = reply;

        byte[] bytes = Encoding.UTF8.GetBytes(message.ToJsonString());
        await _sendLock.WaitAsync(cancellation);
        try
        {
            await _socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellation);
        }
        finally
        {
            _sendLock.Release();
        }

        JsonObject response = await reply.Task.WaitAsync(cancellation);
        if (response["error"] is JsonObject error)
        {
            throw new InvalidOperationException($"{method} failed: {error.ToJsonString()}");
        }
        return response["result"] as JsonObject ?? [];
    }

    /// <summary>Waits until an event named <paramref name="method"/> has arrived from the page of <paramref name="sessionId"/>.</summary>
    public async Task WaitForEventAsync(string method, string sessionId, CancellationToken cancellation)
    {
        while (!_events.Any(e => (string?)e["method"] == method && (string?)e["sessionId"] == sessionId))
        {
            await Task.Delay(50, cancellation);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_socket.State == WebSocketState.Open)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException)
            {
                // The browser may already have gone; nothing is left to close.
            }
        }
        if (_reader is not null)
        {
            await _reader.ContinueWith(_ => { }, TaskScheduler.Default);
        }
        _socket.Dispose();
        _sendLock.Dispose();
        _stop.Dispose();
    }

    private async Task ReadLoopAsync()
    {
        var buffer = new byte[64 * 1024];
        var message = new MemoryStream();
        try
        {
            while (!_stop.IsCancellationRequested && _socket.State == WebSocketState.Open)
            {
                WebSocketReceiveResult result = await _socket.ReceiveAsync(buffer, _stop.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }
                message.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage)
                {
                    continue;
                }
                var parsed = JsonNode.Parse(message.ToArray()) as JsonObject;
                message.SetLength(0);
                if (parsed is null)
                {
                    continue;
                }
                if (parsed["id"] is JsonValue idValue && _pending.TryRemove(idValue.GetValue<int>(), out TaskCompletionSource<JsonObject>? reply))
                {
                    reply.TrySetResult(parsed);
                }
                else if (parsed["method"] is not null)
                {
                    _events.Enqueue(parsed);
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // Closed by DisposeAsync or by the browser exiting.
        }
        finally
        {
            foreach (TaskCompletionSource<JsonObject> reply in _pending.Values)
            {
                reply.TrySetException(new InvalidOperationException("The browser closed the DevTools connection."));
            }
        }
    }
}
