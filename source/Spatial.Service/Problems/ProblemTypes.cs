namespace Spatial.Service.Problems;

/// <summary>Every problem type the API can answer with: the single source for documentation, tests and responses.</summary>
public static class ProblemTypes
{
    /// <summary>The request carried no bytes.</summary>
    public static readonly ProblemType EmptyBody = new("empty-body", StatusCodes.Status400BadRequest, "The request body is empty");

    /// <summary>The Content-Type is neither an accepted image type nor multipart/form-data.</summary>
    public static readonly ProblemType UnsupportedContentType = new("unsupported-content-type", StatusCodes.Status415UnsupportedMediaType, "The content type is not accepted");

    /// <summary>The bytes are not an image in any format known to the decoder.</summary>
    public static readonly ProblemType NotAnImage = new("not-an-image", StatusCodes.Status400BadRequest, "The content is not an image");

    /// <summary>The bytes are an image, but in a format the service does not decode.</summary>
    public static readonly ProblemType UnsupportedImageFormat = new("unsupported-image-format", StatusCodes.Status415UnsupportedMediaType, "The image format is not supported");

    /// <summary>The image file ends before its data does.</summary>
    public static readonly ProblemType TruncatedImage = new("truncated-image", StatusCodes.Status400BadRequest, "The image is truncated");

    /// <summary>The image file is damaged.</summary>
    public static readonly ProblemType CorruptImage = new("corrupt-image", StatusCodes.Status400BadRequest, "The image is corrupt");

    /// <summary>The header declares dimensions over the configured limits; nothing was decoded.</summary>
    public static readonly ProblemType ImageDimensionsTooLarge = new("image-dimensions-too-large", StatusCodes.Status422UnprocessableEntity, "The image dimensions exceed the limit");

    /// <summary>The images of one request declare more pixels, together, than a request may have decoded.</summary>
    public static readonly ProblemType RequestPixelsTooLarge = new("request-pixels-too-large", StatusCodes.Status422UnprocessableEntity, "The images together exceed the request's pixel limit");

    /// <summary>The body is larger than the configured request limit.</summary>
    public static readonly ProblemType BodyTooLarge = new("body-too-large", StatusCodes.Status413PayloadTooLarge, "The request body exceeds the size limit");

    /// <summary>The body arrived more slowly than the server's minimum data rate and was cut off.</summary>
    public static readonly ProblemType RequestTimeout = new("request-timeout", StatusCodes.Status408RequestTimeout, "The request body arrived too slowly");

    /// <summary>The connection ended, or the framing broke, before the declared body was complete.</summary>
    public static readonly ProblemType IncompleteBody = new("incomplete-body", StatusCodes.Status400BadRequest, "The request body is incomplete");

    /// <summary>The multipart body cannot be parsed.</summary>
    public static readonly ProblemType MalformedMultipart = new("malformed-multipart", StatusCodes.Status400BadRequest, "The multipart body is malformed");

    /// <summary>A multipart body held no image part.</summary>
    public static readonly ProblemType NoImage = new("no-image", StatusCodes.Status400BadRequest, "The request holds no image");

    /// <summary>More images than the endpoint accepts.</summary>
    public static readonly ProblemType TooManyImages = new("too-many-images", StatusCodes.Status400BadRequest, "The request holds too many images");

    /// <summary>The inference queue is full or the service is stopping; retrying later can succeed.</summary>
    public static readonly ProblemType InferenceUnavailable = new("inference-unavailable", StatusCodes.Status503ServiceUnavailable, "Inference is temporarily unavailable");

    /// <summary>The forward pass failed; details are in the service log under the request id.</summary>
    public static readonly ProblemType InferenceFailed = new("inference-failed", StatusCodes.Status500InternalServerError, "Inference failed");

    /// <summary>Every type above, for documentation and tests.</summary>
    public static IReadOnlyList<ProblemType> All { get; } =
    [
        EmptyBody, UnsupportedContentType, NotAnImage, UnsupportedImageFormat, TruncatedImage, CorruptImage,
        ImageDimensionsTooLarge, RequestPixelsTooLarge, BodyTooLarge, RequestTimeout, IncompleteBody, MalformedMultipart, NoImage, TooManyImages, InferenceUnavailable, InferenceFailed,
    ];
}
