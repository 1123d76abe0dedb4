namespace Spatial.LoadTesting.Scenarios;

/// <summary>
/// A named request factory: the engine asks it for request number <c>n</c> and checks the answer with what it
/// returns. Every request must go to a loopback address: the engine refuses any other before sending.
/// </summary>
/// <param name="Name">What the scenario does, in reports.</param>
/// <param name="CreateRequest">Builds request number n (0-based, counting warm-up requests too).</param>
public sealed record Scenario(string Name, Func<long, ScenarioRequest> CreateRequest);

/// <summary>One request and how to judge its answer.</summary>
/// <param name="Message">What to send.</param>
/// <param name="Check">Judges the answer; returns why it failed, or null when it passed. Null: any 2xx passes.</param>
public sealed record ScenarioRequest(HttpRequestMessage Message, ResponseCheck? Check = null);

/// <summary>Judges one answer: returns a short reason when it fails (counted as an error of that kind), null when it passes.</summary>
public delegate string? ResponseCheck(int statusCode, ReadOnlySpan<byte> body);
