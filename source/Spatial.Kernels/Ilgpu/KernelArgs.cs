namespace Spatial.Kernels.Ilgpu;

/// <summary>Scalar arguments of the preprocessing kernel (value type: kernels take no references).</summary>
internal readonly record struct PreprocessArgs(
    int Batch, int Width, int Height, int ChunkWidth, int StoreWidth, int ClaimItems,
    float ScaleR, float ScaleG, float ScaleB, float BiasR, float BiasG, float BiasB);

/// <summary>Scalar arguments of the feature kernels.</summary>
internal readonly record struct FeatureArgs(int Batch, int Grid, int Bins, int FeatureCount, int DarkLuma, int TotalRows);

/// <summary>A convolution's shape as kernel arguments.</summary>
internal readonly record struct ConvArgs(
    int Batch, int InChannels, int Height, int Width, int OutChannels, int KernelSize, int Stride, int Padding, int Relu,
    int OutHeight, int OutWidth);

/// <summary>Sizes of the pooling, dense and softmax kernels.</summary>
internal readonly record struct OpArgs(int Batch, int A, int B, int C, int Relu);
