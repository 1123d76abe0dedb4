using System.ComponentModel.DataAnnotations;
using System.Net;

namespace Spatial.Service.Options;

/// <summary>Where the service listens and how long it drains on shutdown (section <c>Spatial:Server</c>).</summary>
public sealed class ServerOptions : IValidatableObject
{
    /// <summary>Configuration section these options bind from.</summary>
    public const string Section = "Spatial:Server";

    /// <summary>IP address to bind; unset: 0.0.0.0 in a container, 127.0.0.1 elsewhere. Used only where ASP.NET Core's own endpoint settings are not.</summary>
    public string? Address { get; set; }

    /// <summary>TCP port; 0 picks a free one (logged at start-up).</summary>
    [Range(0, 65_535)]
    public int Port { get; set; } = 8080;

    /// <summary>How long in-flight requests may run after SIGTERM before the process exits anyway.</summary>
    [Range(1, 3600)]
    public int ShutdownTimeoutSeconds { get; set; } = 30;

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Address is not null && !IPAddress.TryParse(Address, out _))
            yield return new ValidationResult($"Spatial:Server:Address '{Address}' is not an IP address", [nameof(Address)]);
    }
}
