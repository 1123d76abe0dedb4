namespace Spatial.Models;

/// <summary>Accuracy of a model on a labelled set: overall, per class (recall), and the confusion matrix [truth, predicted].</summary>
public sealed record EvaluationResult(double Accuracy, IReadOnlyDictionary<string, double> PerClassAccuracy, int[,] Confusion, int Samples)
{
    /// <summary>Builds the result from true and predicted class indices.</summary>
    public static EvaluationResult From(IReadOnlyList<string> classes, IReadOnlyList<int> truth, IReadOnlyList<int> predicted)
    {
        var confusion = new int[classes.Count, classes.Count];
        var correct = 0;
        for (var i = 0; i < truth.Count; i++)
        {
            confusion[truth[i], predicted[i]]++;
            if (truth[i] == predicted[i])
                correct++;
        }
        var perClass = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var k = 0; k < classes.Count; k++)
        {
            var total = Enumerable.Range(0, classes.Count).Sum(j => confusion[k, j]);
            perClass[classes[k]] = total == 0 ? 0 : (double)confusion[k, k] / total;
        }
        return new EvaluationResult(truth.Count == 0 ? 0 : (double)correct / truth.Count, perClass, confusion, truth.Count);
    }
}
