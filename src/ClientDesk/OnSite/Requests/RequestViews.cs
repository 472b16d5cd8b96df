namespace ClientDesk.OnSite.Requests;

/// <summary>What the shared form fields need: the input and the offices of the chosen service.</summary>
public sealed record FieldsView(OnSiteRequestInput Input, IReadOnlyList<OfficeChoice> Offices);

/// <summary>What the fee box needs: the quote, the office chosen (if any) and whether a point was given.</summary>
public sealed record FeeBoxView(TravelFeeQuote Quote, OfficeChoice? Office, bool HasPoint, int Machines);
