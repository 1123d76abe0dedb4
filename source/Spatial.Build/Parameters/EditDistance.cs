namespace Spatial.Build.Parameters;

/// <summary>Levenshtein distance, for "did you mean" suggestions.</summary>
internal static class EditDistance
{
    public static int Between(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
            previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    /// <summary>The candidates closest to <paramref name="name"/> (normalised comparison), within a distance that scales with length.</summary>
    public static IReadOnlyList<string> Closest(string name, IEnumerable<string> candidates, int maxResults = 3)
    {
        var key = ParameterNames.Normalize(name);
        var scored = candidates
            .Select(x => (Candidate: x, Distance: Between(key, ParameterNames.Normalize(x))))
            .Where(x => x.Distance <= Math.Max(2, key.Length / 3))
            .ToList();
        if (scored.Count == 0)
            return [];
        var best = scored.Min(x => x.Distance);
        return scored.Where(x => x.Distance == best).Select(x => x.Candidate).Take(maxResults).ToList();
    }
}
