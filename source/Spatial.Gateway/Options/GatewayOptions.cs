using System.ComponentModel.DataAnnotations;

namespace Spatial.Gateway.Options;

/// <summary>
/// The gateway's settings (section <c>Gateway</c>). The public listener follows ASP.NET Core's conventions
/// (<c>ASPNETCORE_URLS</c>, <c>--urls</c>); the admin listener is always on loopback.
/// </summary>
public sealed class GatewayOptions : IValidatableObject
{
    /// <summary>Configuration section these options bind from.</summary>
    public const string Section = "Gateway";

    /// <summary>The replicas' base addresses the pool starts with (more or others arrive through the admin endpoint).</summary>
    public List<string> Destinations { get; set; } = [];

    /// <summary>The loopback port of the admin endpoint (pool swaps, the gateway's own health and metrics).</summary>
    [Range(1, 65_535)]
    public int AdminPort { get; set; } = 9080;

    /// <summary>The replicas' readiness path, probed by the active health check.</summary>
    [Required]
    public string HealthPath { get; set; } = "/health/ready";

    /// <summary>How often every destination is probed.</summary>
    [Range(0.2, 60)]
    public double HealthIntervalSeconds { get; set; } = 1;

    /// <summary>How long a destination ejected after a failed request stays out before it is tried again.</summary>
    [Range(1, 600)]
    public double EjectionSeconds { get; set; } = 10;

    /// <summary>The environment this gateway fronts, for labels and logs.</summary>
    public string Environment { get; set; } = "";

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var destination in Destinations)
        {
            if (!DestinationAddress.TryParse(destination, out _))
                yield return new ValidationResult($"Gateway:Destinations entry '{destination}' is not an absolute http:// address", [nameof(Destinations)]);
        }
    }
}
