using Microsoft.Extensions.Localization;

namespace ClientDesk.Platform;

/// <summary>
/// Each feature folder keeps its texts in a {Feature}Texts resource (Catalogue/CatalogueTexts.resx, …).
/// Validation and display names of a feature's forms are looked up there first, then in Shared/SharedTexts.
/// </summary>
internal static class FeatureTexts
{
    public static IStringLocalizer For(Type modelType, IStringLocalizerFactory factory)
    {
        var shared = factory.Create(typeof(Shared.SharedTexts));
        var segments = (modelType.Namespace ?? "").Split('.');
        var featureTexts = segments.Length > 1
            ? modelType.Assembly.GetType($"{segments[0]}.{segments[1]}.{segments[1]}Texts")
            : null;
        return featureTexts is null ? shared : new FeatureThenShared(factory.Create(featureTexts), shared);
    }

    private sealed class FeatureThenShared(IStringLocalizer feature, IStringLocalizer shared) : IStringLocalizer
    {
        public LocalizedString this[string name] =>
            feature[name] is { ResourceNotFound: false } found ? found : shared[name];

        public LocalizedString this[string name, params object[] arguments] =>
            feature[name, arguments] is { ResourceNotFound: false } found ? found : shared[name, arguments];

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
            feature.GetAllStrings(includeParentCultures).Concat(shared.GetAllStrings(includeParentCultures));
    }
}
