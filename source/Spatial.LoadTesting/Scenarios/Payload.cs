namespace Spatial.LoadTesting.Scenarios;

/// <summary>One request body the scenarios rotate over, with the label a classifier must answer for it (null: not checked).</summary>
public sealed record Payload(byte[] Body, string ContentType, string? ExpectedLabel = null);
