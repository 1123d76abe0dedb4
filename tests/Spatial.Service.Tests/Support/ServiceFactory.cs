using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Spatial.Service.Inference;

namespace Spatial.Service.Tests.Support;

/// <summary>The service on the in-memory test host (or, after UseKestrel, on 127.0.0.1) with a fake classifier and test settings.</summary>
internal sealed class ServiceFactory(FakeClassifier classifier, IReadOnlyDictionary<string, string?>? settings = null) : WebApplicationFactory<Program>
{
    public FakeClassifier Classifier { get; } = classifier;

    public ServiceFactory(IReadOnlyDictionary<string, string?>? settings = null) : this(new FakeClassifier(), settings) { }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Production: no developer exception page, exactly what a deployment serves.
        builder.UseEnvironment("Production");
        builder.UseSetting("Spatial:Server:Address", "127.0.0.1");
        builder.UseSetting("Spatial:Server:Port", "0");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:Console:FormatterName", "simple");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            builder.UseSetting(key, value);
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<IImageClassifier>();
            services.AddSingleton<IImageClassifier>(Classifier);
        });
    }

    /// <summary>Waits until /health/ready answers 200.</summary>
    public async Task WaitUntilReadyAsync(HttpClient client)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
            if (response.IsSuccessStatusCode)
                return;
            await Task.Delay(20);
        }
        Assert.Fail("the service did not become ready within 20 s");
    }
}
