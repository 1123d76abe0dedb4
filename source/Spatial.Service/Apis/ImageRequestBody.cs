using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Spatial.Service.Apis;

/// <summary>
/// Documents a binary image body in OpenAPI. Accepts metadata is not used because routing would then answer
/// unknown content types itself, without the service's stable problem type.
/// </summary>
public static class ImageRequestBody
{
    /// <summary>Adds a required request body of binary content in each of <paramref name="contentTypes"/>.</summary>
    public static TBuilder DescribeImageBody<TBuilder>(this TBuilder builder, string description, params string[] contentTypes)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Description = description,
                Content = contentTypes.ToDictionary(
                    contentType => contentType,
                    _ => new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } }),
            };
            return Task.CompletedTask;
        });
}
