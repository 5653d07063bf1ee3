using CounterApp.Card.Connection;

namespace CounterApp.ReaderAgent.Sessions;

/// <summary>
/// The server's card session on one reader: one PC/SC connection (exclusive), at most one transaction, one operation
/// at a time. An operation that takes longer than the timeout is answered <c>timeout</c> and breaks the session: the
/// stuck call keeps the connection until it returns, then the connection is disposed (which resets the card).
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001:Types that own disposable fields should be disposable", Justification = "The gate is released by continuations of abandoned operations after the session ends; it has no wait handle to free.")]
internal sealed class CardSession(int id, string reader, ISmartCardConnection connection, TimeSpan timeout)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private ISmartCardTransaction? _transaction;
    private volatile bool _broken;
    private int _disposed;

    public int Id { get; } = id;

    public string Reader { get; } = reader;

    public Task<byte[]> TransmitAsync(byte[] command) =>
        RunAsync(() => connection.TransmitAsync(command));

    public Task<bool> BeginTransactionAsync() =>
        RunAsync(async () =>
        {
            if (_transaction is not null)
            {
                throw new InvalidOperationException("Transactions do not nest.");
            }

            _transaction = await connection.BeginTransactionAsync();
            return _transaction.CardWasReset;
        });

    public Task<bool> EndTransactionAsync() =>
        RunAsync(async () =>
        {
            if (_transaction is { } transaction)
            {
                _transaction = null;
                await transaction.DisposeAsync();
            }

            return true;
        });

    /// <summary>Ends the transaction and closes the connection once no operation runs; does not wait for a stuck one.</summary>
    public async Task CloseAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _broken = true;
        if (await _gate.WaitAsync(timeout))
        {
            await ReleaseConnectionAsync();
        }
        else
        {
            _ = _gate.WaitAsync().ContinueWith(_ => ReleaseConnectionAsync(), TaskScheduler.Default).Unwrap();
        }
    }

    private async Task<T> RunAsync<T>(Func<Task<T>> operation)
    {
        if (_broken)
        {
            throw new ObjectDisposedException(nameof(CardSession), "The card session was closed (an earlier operation timed out or the server closed it).");
        }

        if (!await _gate.WaitAsync(timeout))
        {
            throw new TimeoutException($"The reader was busy for {timeout.TotalSeconds:0} s.");
        }

        // PC/SC calls block underneath; running them on the pool lets a stuck one be abandoned.
        var task = Task.Run(operation);
        try
        {
            return await task.WaitAsync(timeout);
        }
        catch (TimeoutException) when (!task.IsCompleted)
        {
            _broken = true;
            throw new TimeoutException($"The card did not answer within {timeout.TotalSeconds:0} s.");
        }
        finally
        {
            _ = task.ContinueWith(t => _ = t.Exception, TaskScheduler.Default).ContinueWith(_ => _gate.Release(), TaskScheduler.Default);
        }
    }

    private async Task ReleaseConnectionAsync()
    {
        try
        {
            if (_transaction is { } transaction)
            {
                _transaction = null;
                await transaction.DisposeAsync();
            }
        }
        finally
        {
            await connection.DisposeAsync();
        }
    }
}
