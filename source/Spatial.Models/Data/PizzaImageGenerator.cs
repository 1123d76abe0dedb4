using Spatial.Kernels;

namespace Spatial.Models.Data;

/// <summary>
/// Procedural pizza images, deterministic by (seed, index): sample i of a seed is always the same image.
/// Size, position, toppings, lighting and noise vary; the class decides how doneness is laid out over
/// the pizza (uniform, scattered burns, burn on one side, cut lines).
/// </summary>
public sealed class PizzaImageGenerator
{
    /// <summary>Side of generated images in pixels by default.</summary>
    public const int DefaultSize = 96;

    private static readonly double[] CheeseRaw = [244, 232, 196];
    private static readonly double[] CheeseBaked = [232, 178, 82];
    private static readonly double[] CheeseBurnt = [62, 40, 22];
    private static readonly double[] CrustRaw = [232, 214, 172];
    private static readonly double[] CrustBaked = [196, 132, 58];
    private static readonly double[] CrustBurnt = [52, 34, 20];

    /// <summary>A generator for one seed.</summary>
    public PizzaImageGenerator(int seed, int size = DefaultSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 16);
        Seed = seed;
        Size = size;
    }

    /// <summary>The seed.</summary>
    public int Seed { get; }

    /// <summary>Image side in pixels.</summary>
    public int Size { get; }

    /// <summary>Sample <paramref name="index"/>; classes cycle so any run of <see cref="PizzaClasses.Count"/> samples is balanced.</summary>
    public PizzaSample Generate(int index) => Generate(index, (PizzaClass)(index % PizzaClasses.Count));

    /// <summary>Sample <paramref name="index"/> drawn as <paramref name="pizzaClass"/>.</summary>
    public PizzaSample Generate(int index, PizzaClass pizzaClass)
    {
        var random = new DeterministicRandom(Seed, index);
        var scene = Scene.Draw(random, pizzaClass);
        return new PizzaSample(Render(scene, random), pizzaClass);
    }

    /// <summary>Samples [start, start + count).</summary>
    public IReadOnlyList<PizzaSample> GenerateRange(int start, int count) =>
        Enumerable.Range(start, count).Select(Generate).ToList();

    private RgbImage Render(Scene scene, DeterministicRandom random)
    {
        var pixels = new byte[Size * Size * 3];
        var rgb = new double[3];
        for (var y = 0; y < Size; y++)
        {
            for (var x = 0; x < Size; x++)
            {
                // Unit coordinates: the image spans [0, 1) on both axes.
                var u = (x + 0.5) / Size;
                var v = (y + 0.5) / Size;
                scene.Shade(u, v, rgb);
                var light = scene.Brightness * (1 + scene.LightSlope * ((u - 0.5) * scene.LightX + (v - 0.5) * scene.LightY));
                var offset = (y * Size + x) * 3;
                for (var c = 0; c < 3; c++)
                    pixels[offset + c] = (byte)Math.Clamp(Math.Round(rgb[c] * light + random.NextGaussian() * scene.Noise), 0, 255);
            }
        }
        return new RgbImage(Size, Size, pixels);
    }

    private sealed record Blob(double X, double Y, double Radius, double Doneness);

    private sealed record Topping(double X, double Y, double Radius, double[] Color);

    private sealed class Scene
    {
        public double Cx, Cy, R, BaseDoneness, SliceAngle, Brightness, LightSlope, LightX, LightY, Noise;
        public int Slices;
        public PizzaClass Class;
        public double[] Board = [];
        public List<Blob> Burns = [];
        public List<Topping> Toppings = [];

        public static Scene Draw(DeterministicRandom r, PizzaClass pizzaClass)
        {
            var lightAngle = r.Uniform(0, 2 * Math.PI);
            var scene = new Scene
            {
                Class = pizzaClass,
                R = r.Uniform(0.30, 0.42),
                Brightness = r.Uniform(0.85, 1.12),
                LightSlope = r.Uniform(-0.3, 0.3),
                LightX = Math.Cos(lightAngle),
                LightY = Math.Sin(lightAngle),
                Noise = r.Uniform(2, 9),
                SliceAngle = r.Uniform(0, Math.PI),
                Slices = r.Next(3, 5),
                Board = r.Next(0, 2) == 0
                    ? [r.Uniform(120, 170), r.Uniform(80, 110), r.Uniform(45, 70)]
                    : [r.Uniform(170, 215), r.Uniform(170, 215), r.Uniform(175, 220)],
                BaseDoneness = pizzaClass switch
                {
                    PizzaClass.Raw => r.Uniform(0.0, 0.12),
                    _ => r.Uniform(0.42, 0.58),
                },
            };
            scene.Cx = 0.5 + r.Uniform(-0.06, 0.06);
            scene.Cy = 0.5 + r.Uniform(-0.06, 0.06);
            if (pizzaClass == PizzaClass.Burnt)
                AddBurnClusters(scene, r, sameSide: false);
            else if (pizzaClass == PizzaClass.UnevenlyBaked)
                AddBurnClusters(scene, r, sameSide: true);
            else if (pizzaClass is PizzaClass.Baked or PizzaClass.Sliced)
                AddBlobs(scene, r, scene.Cx, scene.Cy, scene.R * 0.8, r.Next(0, 3), maxRadius: 0.09);
            var toppings = r.Next(3, 10);
            for (var i = 0; i < toppings; i++)
            {
                var (px, py) = PointInDisk(r, scene, 0.75);
                double[] color = r.Next(0, 3) switch
                {
                    0 => [r.Uniform(150, 185), r.Uniform(30, 50), r.Uniform(25, 40)],
                    1 => [r.Uniform(185, 215), r.Uniform(165, 190), r.Uniform(140, 165)],
                    _ => [r.Uniform(40, 70), r.Uniform(110, 150), r.Uniform(40, 60)],
                };
                scene.Toppings.Add(new Topping(px, py, scene.R * r.Uniform(0.05, 0.11), color));
            }
            return scene;
        }

        // Burnt and unevenly baked pizzas get the same burn clusters (count, size, darkness): only
        // where the clusters lie differs, spread around the pizza or all on one side.
        private static void AddBurnClusters(Scene scene, DeterministicRandom r, bool sameSide)
        {
            var clusters = r.Next(3, 5);
            var start = r.Uniform(0, 2 * Math.PI);
            for (var k = 0; k < clusters; k++)
            {
                var angle = sameSide
                    ? start + (k - (clusters - 1) / 2.0) * r.Uniform(0.35, 0.5)
                    : start + k * 2 * Math.PI / clusters + r.Uniform(-0.25, 0.25);
                var distance = scene.R * r.Uniform(0.45, 0.7);
                AddBlobs(scene, r, scene.Cx + distance * Math.Cos(angle), scene.Cy + distance * Math.Sin(angle), scene.R * 0.12, r.Next(3, 5), maxRadius: 0.18);
            }
        }

        private static void AddBlobs(Scene scene, DeterministicRandom r, double x, double y, double spread, int count, double maxRadius)
        {
            for (var i = 0; i < count; i++)
            {
                var radius = Math.Sqrt(r.NextDouble()) * spread;
                var angle = r.Uniform(0, 2 * Math.PI);
                scene.Burns.Add(new Blob(x + radius * Math.Cos(angle), y + radius * Math.Sin(angle), scene.R * r.Uniform(0.1, maxRadius), r.Uniform(0.85, 1.0)));
            }
        }

        private static (double X, double Y) PointInDisk(DeterministicRandom r, Scene scene, double fraction)
        {
            var radius = Math.Sqrt(r.NextDouble()) * scene.R * fraction;
            var angle = r.Uniform(0, 2 * Math.PI);
            return (scene.Cx + radius * Math.Cos(angle), scene.Cy + radius * Math.Sin(angle));
        }

        public void Shade(double u, double v, double[] rgb)
        {
            var dx = u - Cx;
            var dy = v - Cy;
            var d = Math.Sqrt(dx * dx + dy * dy);
            if (d > R)
            {
                var shade = d < R * 1.08 ? 0.7 + 0.3 * (d - R) / (R * 0.08) : 1.0; // soft shadow around the pizza
                for (var c = 0; c < 3; c++)
                    rgb[c] = Board[c] * shade;
                return;
            }
            var doneness = Doneness(u, v);
            var crust = d > R * 0.86;
            Mix(crust ? CrustRaw : CheeseRaw, crust ? CrustBaked : CheeseBaked, crust ? CrustBurnt : CheeseBurnt, doneness, rgb);
            if (!crust)
            {
                foreach (var topping in Toppings)
                {
                    var tx = u - topping.X;
                    var ty = v - topping.Y;
                    if (tx * tx + ty * ty < topping.Radius * topping.Radius)
                    {
                        var darken = 1 - 0.6 * Math.Max(0, doneness - 0.5);
                        for (var c = 0; c < 3; c++)
                            rgb[c] = topping.Color[c] * darken;
                        break;
                    }
                }
            }
            if (Class == PizzaClass.Sliced && OnCut(dx, dy))
            {
                for (var c = 0; c < 3; c++)
                    rgb[c] = Board[c] * 0.55;
            }
        }

        private double Doneness(double u, double v)
        {
            var doneness = BaseDoneness;
            foreach (var burn in Burns)
            {
                var bx = u - burn.X;
                var by = v - burn.Y;
                var q = (bx * bx + by * by) / (burn.Radius * burn.Radius);
                if (q < 1)
                    doneness = Math.Max(doneness, burn.Doneness * (1 - q * q * 0.6));
            }
            return doneness;
        }

        private bool OnCut(double dx, double dy)
        {
            for (var k = 0; k < Slices; k++)
            {
                var angle = SliceAngle + k * Math.PI / Slices;
                // Distance from the line through the centre at this angle.
                if (Math.Abs(-dx * Math.Sin(angle) + dy * Math.Cos(angle)) < 0.012)
                    return true;
            }
            return false;
        }

        private static void Mix(double[] raw, double[] baked, double[] burnt, double doneness, double[] rgb)
        {
            for (var c = 0; c < 3; c++)
            {
                rgb[c] = doneness < 0.5
                    ? raw[c] + (baked[c] - raw[c]) * doneness * 2
                    : baked[c] + (burnt[c] - baked[c]) * (doneness - 0.5) * 2;
            }
        }
    }
}
