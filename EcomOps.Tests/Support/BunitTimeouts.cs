using System.Runtime.CompilerServices;
using Bunit;

namespace EcomOps.Tests.Support;

/// <summary>
/// bUnit waits one second by default for a render to satisfy an assertion. The suite runs its classes in parallel on
/// two cores next to browser journeys, where a first SQLite write behind a click can take longer than that; a wait
/// only lasts as long as the condition is false, so a longer ceiling costs passing tests nothing.
/// </summary>
internal static class BunitTimeouts
{
    [ModuleInitializer]
    internal static void Raise() => BunitContext.DefaultWaitTimeout = TimeSpan.FromSeconds(10);
}
