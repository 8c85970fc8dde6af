using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CourierCrm.Domain.Customers;
using CourierCrm.Web.Customers;
using CourierCrm.Web.Platform.Api;

namespace CourierCrm.Web.Tests.Infrastructure;

/// <summary>
/// A valid customer archive with a unique name, code and phone, changed only where a test says
/// so; gives the <see cref="CustomerInput"/> or its API JSON (to add or break fields).
/// </summary>
public sealed class CustomerInputBuilder
{
    // 199 numbers never occur in the demo seed, so a test's phone matches only what the test made.
    private static int _counter = Random.Shared.Next(10_000_000, 80_000_000);

    private readonly CustomerInput _input;

    public CustomerInputBuilder()
    {
        var n = Interlocked.Increment(ref _counter);
        Unique = n.ToString(CultureInfo.InvariantCulture);
        _input = new CustomerInput
        {
            Code = "T" + Unique,
            Name = $"测试{Unique}贸易有限公司",
            Type = CustomerType.Organisation,
            Nature = CustomerNature.Enterprise,
            MarketType = MarketType.Enterprise,
            Lifecycle = LifecycleState.New,
            Phone = NewMobile(),
            Industry = "电子产品",
            RegisteredCapital = 500_000m,
            Contacts = [new ContactInput { Name = "欧阳娜娜", Role = ContactRole.DecisionMaker, Title = "总经理", Phone = NewMobile() }],
            Addresses = [new AddressInput { Label = "办公地址", Province = "广东省", City = "深圳市", District = "南山区", Street = $"科技园路{n % 400}号", Room = "A座1201室", IsDefault = true }],
            Tags = ["测试"],
        };
    }

    /// <summary>The number that makes this customer's name, code and phone unique.</summary>
    public string Unique { get; }

    /// <summary>A valid mobile number no other customer has.</summary>
    public static string NewMobile() => "199" + Interlocked.Increment(ref _counter).ToString("D8", CultureInfo.InvariantCulture);

    public CustomerInputBuilder Named(string name) { _input.Name = name; return this; }

    public CustomerInputBuilder WithCode(string? code) { _input.Code = code; return this; }

    public CustomerInputBuilder WithPhone(string? phone) { _input.Phone = phone; return this; }

    /// <summary>An individual (个体) customer: the name is a person's and is masked like one.</summary>
    public CustomerInputBuilder Individual(string personName)
    {
        _input.Type = CustomerType.Individual;
        _input.Nature = CustomerNature.Individual;
        _input.MarketType = MarketType.Scattered;
        _input.Name = personName;
        return this;
    }

    public CustomerInputBuilder WithContact(string name, string? phone, ContactRole role = ContactRole.ShippingClerk)
    {
        _input.Contacts.Add(new ContactInput { Name = name, Role = role, Phone = phone });
        return this;
    }

    public CustomerInputBuilder With(Action<CustomerInput> change) { change(_input); return this; }

    public CustomerInput Build() => JsonSerializer.Deserialize<CustomerInput>(JsonSerializer.Serialize(_input, Json), Json)!;

    /// <summary>The body an integration would send, as a node a test can add fields to or break.</summary>
    public JsonObject ToJson() => JsonSerializer.SerializeToNode(_input, Json)!.AsObject();

    /// <summary>The API's own JSON rules (camelCase, enums by name).</summary>
    public static readonly JsonSerializerOptions Json = ApiJson();

    private static JsonSerializerOptions ApiJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        ApiErrors.Configure(options);
        return options;
    }
}
