using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json;

namespace CourierCrm.Web.Platform.Validation;

/// <summary>
/// Field errors keyed by the JSON path of the field ("name", "contacts[0].phone"), the same
/// keys in ProblemDetails and in the forms, so API clients and people read the same names.
/// </summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsEmpty => _errors.Count == 0;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        if (!list.Contains(message)) list.Add(message);
    }

    public IReadOnlyList<string> For(string field) => _errors.TryGetValue(field, out var list) ? list : [];

    public Dictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray());

    /// <summary>Runs the DataAnnotations rules of an object and of the objects in its list properties.</summary>
    public void AddAnnotations(object model, string prefix = "")
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(model, new ValidationContext(model), results, validateAllProperties: true);
        foreach (var result in results)
            foreach (var member in result.MemberNames.DefaultIfEmpty(""))
                Add(Path(prefix, JsonName(member)), result.ErrorMessage ?? "is not valid.");

        foreach (var property in model.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.PropertyType == typeof(string) || property.GetValue(model) is not System.Collections.IList list) continue;
            for (var i = 0; i < list.Count; i++)
                if (list[i] is { } item && item.GetType().IsClass && item is not string)
                    AddAnnotations(item, $"{Path(prefix, JsonName(property.Name))}[{i}]");
        }
    }

    public static string JsonName(string member) => string.IsNullOrEmpty(member) ? member : JsonNamingPolicy.CamelCase.ConvertName(member);

    private static string Path(string prefix, string member) =>
        string.IsNullOrEmpty(prefix) ? member : string.IsNullOrEmpty(member) ? prefix : prefix + "." + member;
}
