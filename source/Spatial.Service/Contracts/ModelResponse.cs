using Spatial.Kernels;

namespace Spatial.Service.Contracts;

/// <summary>The answer to <c>GET /v1/model</c>: what is served, on what, with which batching.</summary>
public sealed record ModelResponse(
    string Name,
    string Version,
    IReadOnlyList<string> Classes,
    AcceleratorResponse Accelerator,
    BatchingResponse Batching,
    string State);

/// <summary>The accelerator running the forward pass.</summary>
public sealed record AcceleratorResponse(string Name, AcceleratorChoice Kind, long MemoryBytes, string? ComputeCapability, int ProcessorCount);

/// <summary>The micro-batching in effect.</summary>
public sealed record BatchingResponse(bool Enabled, int MaxBatchSize, double MaxWaitMilliseconds);
