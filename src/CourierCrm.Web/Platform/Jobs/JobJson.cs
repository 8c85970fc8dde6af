using System.Text.Json;
using System.Text.Json.Serialization;

namespace CourierCrm.Web.Platform.Jobs;

/// <summary>The one JSON form of job parameters and checkpoints, so a job written by one version reads in the next.</summary>
public static class JobJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"The job's JSON is empty where a {typeof(T).Name} was expected.");
}
