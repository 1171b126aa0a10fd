using Xunit.Abstractions;
using Xunit.Sdk;

namespace Sitrep.Tests.Store;

/// <summary>
/// A fact of the shared store suite. It runs for every backend class, and is reported as skipped,
/// with the reason, for a class whose <see cref="RequiresEnvironmentAttribute"/> variable is unset.
/// </summary>
[XunitTestCaseDiscoverer("Sitrep.Tests.Store.StoreFactDiscoverer", "Sitrep.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class StoreFactAttribute : FactAttribute;

/// <summary>The backend this test class runs against needs this environment variable (a connection string).</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RequiresEnvironmentAttribute(string variable) : Attribute
{
    public string Variable { get; } = variable;
}

public sealed class StoreFactDiscoverer(IMessageSink diagnostics) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions options, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        var variable = testMethod.TestClass.Class.GetCustomAttributes(typeof(RequiresEnvironmentAttribute))
            .Select(a => (string)a.GetConstructorArguments().First())
            .FirstOrDefault();
        var skip = variable is not null && string.IsNullOrEmpty(Environment.GetEnvironmentVariable(variable))
            ? $"{variable} is not set (scripts/test sets it when it can start PostgreSQL)"
            : null;
        yield return skip is null
            ? new XunitTestCase(diagnostics, options.MethodDisplayOrDefault(), options.MethodDisplayOptionsOrDefault(), testMethod)
            : new XunitSkippedDataRowTestCase(diagnostics, options.MethodDisplayOrDefault(), options.MethodDisplayOptionsOrDefault(), testMethod, skip);
    }
}
