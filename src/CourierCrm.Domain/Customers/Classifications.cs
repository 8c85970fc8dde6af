namespace CourierCrm.Domain.Customers;

// Hand-entered classifications of a customer (DOMAIN.md §3). Each is independent of the others.

/// <summary>组织型 / 个体型.</summary>
public enum CustomerType { Organisation, Individual }

/// <summary>Nature: government and non-profit / enterprise group / enterprise / individual.</summary>
public enum CustomerNature { Enterprise, EnterpriseGroup, GovernmentNonProfit, Individual }

/// <summary>Market type (seed 003): 电商, 企业, 政府, 零散.</summary>
public enum MarketType { ECommerce, Enterprise, Government, Scattered }

/// <summary>Specialised market the customer trades in (seeds 000/003).</summary>
public enum SpecialisedMarket { None, Leather, FragileGoods, Electronics, Industrial, Clothing }

/// <summary>Area the customer sits in: specialised market, CBD, campus/community.</summary>
public enum AreaType { Other, SpecialisedMarket, Cbd, CampusCommunity }

/// <summary>Business relation (seed 004): 交易型 / 合同型 / 联盟型.</summary>
public enum BusinessRelation { Transactional, Contract, Alliance }

/// <summary>Reach of the customer's business.</summary>
public enum BusinessReach { Regional, National, Global, Industry }

/// <summary>Domestic or foreign customer.</summary>
public enum CustomerOrigin { Domestic, Foreign }

/// <summary>Where the customer came from: traditional or e-commerce.</summary>
public enum CustomerSource { Traditional, ECommerce }

/// <summary>Lifecycle state (seed 003): 潜在 / 新增 / 忠诚 / 流失.</summary>
public enum LifecycleState { Potential, New, Loyal, Churned }

/// <summary>Payment standing from the credit part of the archive.</summary>
public enum OverdueState { None, Overdue, Serious }

/// <summary>Role of a contact person at the customer (DOMAIN.md §2).</summary>
public enum ContactRole { DecisionMaker, Assistant, Finance, ShippingClerk, Other }
