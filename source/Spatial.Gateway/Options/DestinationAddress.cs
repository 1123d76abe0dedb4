namespace Spatial.Gateway.Options;

/// <summary>A replica's base address: absolute, http, with a trailing slash so paths append.</summary>
public static class DestinationAddress
{
    /// <summary>Parses <paramref name="text"/>; false when it is not an absolute http:// URI.</summary>
    public static bool TryParse(string? text, out Uri address)
    {
        address = null!;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var parsed) || parsed.Scheme != Uri.UriSchemeHttp || parsed.Query.Length > 0)
            return false;
        address = parsed.AbsolutePath.EndsWith('/') ? parsed : new Uri(parsed.AbsoluteUri + "/");
        return true;
    }
}
