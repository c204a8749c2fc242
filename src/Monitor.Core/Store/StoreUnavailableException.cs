namespace Monitor.Core.Store;

/// <summary>The store file cannot be opened: held by another process, corrupt, or unreadable. Carries a one-line reason.</summary>
public sealed class StoreUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
